namespace Dnsbl.Client;

/// <summary>Why a list lookup failed. None of these is ever a listing.</summary>
public enum DnsblErrorKind
{
    /// <summary>No error.</summary>
    None,

    /// <summary>No answer within the per-list timeout or the attempts of the resolver.</summary>
    Timeout,

    /// <summary>The check's overall deadline passed before the list answered.</summary>
    DeadlineExceeded,

    /// <summary>SERVFAIL.</summary>
    ServerFailure,

    /// <summary>REFUSED from the DNS server.</summary>
    DnsRefused,

    /// <summary>Another DNS response code (FORMERR, NOTIMP, ...).</summary>
    OtherResponseCode,

    /// <summary>The list answered with one of its operator error or refusal codes (e.g. 127.255.255.254).</summary>
    OperatorRefusal,

    /// <summary>An A record outside 127.0.0.0/8: an anomaly, often a wildcard or hijacked zone.</summary>
    AnswerOutsideLoopback,

    /// <summary>The answer could not be parsed or broke the protocol.</summary>
    MalformedResponse,

    /// <summary>A socket or network error.</summary>
    NetworkError,

    /// <summary>The input could not be turned into a query for this list (e.g. the name would be too long).</summary>
    InvalidQuery,

    /// <summary>
    /// Not asked: too many lookups already waited for the nameserver or for the list's share of it, so this one was shed
    /// at once instead of making every list slower. Local back-pressure, not counted against the list's circuit breaker.
    /// </summary>
    Overloaded,
}

namespace Dnsbl.Client.Dns;

/// <summary>How one lookup ended. Only <see cref="Answered"/> carries records; every other value is data, never an exception.</summary>
internal enum DnsLookupStatus
{
    /// <summary>NOERROR with at least one record of the asked type (after following CNAMEs in the answer).</summary>
    Answered,

    /// <summary>NXDOMAIN: the name does not exist (negative TTL from the SOA, RFC 2308).</summary>
    NameError,

    /// <summary>NOERROR without a record of the asked type (negative TTL from the SOA, RFC 2308).</summary>
    NoData,

    /// <summary>SERVFAIL from every server tried.</summary>
    ServerFailure,

    /// <summary>REFUSED from every server tried.</summary>
    Refused,

    /// <summary>Another response code (FORMERR, NOTIMP, ...); see <see cref="DnsLookupResult.ResponseCode"/>.</summary>
    OtherResponseCode,

    /// <summary>No acceptable answer within the attempts and their timeouts.</summary>
    Timeout,

    /// <summary>An answer that failed to parse or broke the protocol (bad counts, pointer loops, wrong class).</summary>
    Malformed,

    /// <summary>A socket error (unreachable network, connection refused on TCP).</summary>
    NetworkError,

    /// <summary>Not asked: too many queries already waited for the nameserver, or for the list's share (local back-pressure).</summary>
    Overloaded,
}

/// <summary>
/// The one definition of a failed lookup, used by failover (try the next server), health probes (ask again, count as a
/// failure) and each list's circuit breaker (count against the list).
/// </summary>
internal static class DnsLookupStatusExtensions
{
    /// <summary>
    /// True when the server gave no usable answer: only an answer (records, NXDOMAIN, NODATA) says anything about the
    /// name asked. REFUSED, FORMERR/NOTIMP/BADVERS, malformed replies, timeouts, network errors and local overload are
    /// failures another server, or a later try, may not repeat.
    /// </summary>
    public static bool IsFailure(this DnsLookupStatus status) =>
        status is not (DnsLookupStatus.Answered or DnsLookupStatus.NameError or DnsLookupStatus.NoData);

    /// <summary>True for a failure of our own making (overload on this side), which says nothing about the list.</summary>
    public static bool IsLocal(this DnsLookupStatus status) => status == DnsLookupStatus.Overloaded;
}

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
}

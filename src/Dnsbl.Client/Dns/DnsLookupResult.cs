using Dnsbl.Client.Dns.Protocol;
using System.Net;

namespace Dnsbl.Client.Dns;

/// <summary>The outcome of one lookup as data: status, response code, records and the TTL to cache it for.</summary>
internal sealed class DnsLookupResult
{
    /// <summary>The question this result answers.</summary>
    public required DnsQuestion Question { get; init; }

    /// <summary>How the lookup ended.</summary>
    public required DnsLookupStatus Status { get; init; }

    /// <summary>The RCODE of the accepted response (0 when none was accepted).</summary>
    public int ResponseCode { get; init; }

    /// <summary>Records of the asked type from the answer section (CNAMEs already followed).</summary>
    public IReadOnlyList<DnsRecord> Answers { get; init; } = [];

    /// <summary>
    /// For <see cref="DnsLookupStatus.Answered"/>: the smallest TTL of <see cref="Answers"/>.
    /// For NXDOMAIN/NODATA: min(SOA TTL, SOA MINIMUM) from the authority section (RFC 2308 §5), or null when no SOA came.
    /// Null for failures.
    /// </summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>The server whose answer was accepted, when one was.</summary>
    public IPEndPoint? Server { get; init; }

    /// <summary>Why the lookup failed, in words, for logs and results (never contains secrets beyond the question).</summary>
    public string? Detail { get; init; }

    /// <summary>Convenience: the addresses of A/AAAA answers.</summary>
    public IEnumerable<IPAddress> Addresses => Answers.Where(r => r.Address is not null).Select(r => r.Address!);
}

using System.Net;

namespace Dnsbl.Client.Dns.Protocol;

/// <summary>One resource record as read from an answer; only the field that fits <see cref="Type"/> is set.</summary>
internal sealed record DnsRecord(string Name, DnsRecordType Type, uint TimeToLive)
{
    /// <summary>A or AAAA data.</summary>
    public IPAddress? Address { get; init; }

    /// <summary>TXT data: the character-strings of one record joined without separator (RFC 7208 §3.3 style).</summary>
    public string? Text { get; init; }

    /// <summary>NS or CNAME target, or the SOA primary nameserver.</summary>
    public string? Target { get; init; }

    /// <summary>SOA MINIMUM field (negative caching TTL, RFC 2308 §4).</summary>
    public uint? SoaMinimum { get; init; }
}

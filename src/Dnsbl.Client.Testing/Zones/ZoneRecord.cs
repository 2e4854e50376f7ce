using Dnsbl.Client.Dns.Protocol;
using System.Net;
using Dnsbl.Client.Dns;

namespace Dnsbl.Client.Testing.Zones;

/// <summary>One resource record served by a zone; only the data field that fits <see cref="Type"/> is set.</summary>
internal sealed record ZoneRecord(string Name, DnsRecordType Type, uint TimeToLive)
{
    /// <summary>A or AAAA data.</summary>
    public IPAddress? Address { get; init; }

    /// <summary>TXT data (written as as many 255-octet character-strings as needed).</summary>
    public string? Text { get; init; }

    /// <summary>NS or MX target.</summary>
    public string? Target { get; init; }

    /// <summary>MX preference.</summary>
    public ushort Preference { get; init; }

    /// <summary>SOA data.</summary>
    public ZoneSoa? Soa { get; init; }

    /// <summary>The MX record type number (MX is not in the client's <see cref="DnsRecordType"/> list).</summary>
    public const DnsRecordType MailExchange = (DnsRecordType)15;

    /// <summary>The ANY query type (RFC 1035 §3.2.3 QTYPE 255).</summary>
    public const DnsRecordType Any = (DnsRecordType)255;
}

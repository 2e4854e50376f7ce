using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Tests.Dns.Protocol;

/// <summary>Valid messages shared by protocol tests and the fuzz seed corpus.</summary>
internal static class DnsMessageSamples
{
    public static DnsMessage Query(string name = "2.0.0.127.zen.example", DnsRecordType type = DnsRecordType.A, ushort id = 0x4242)
    {
        var buffer = new byte[DnsQueryWriter.MaxQueryLength];
        int written = DnsQueryWriter.Write(buffer, id, new DnsQuestion(name, type));
        Assert.True(DnsMessage.TryParse(buffer.AsSpan(0, written), out var query, out _));
        return query!;
    }

    public static DnsMessage ListedResponse() =>
        DnsMessage.CreateResponse(
            Query(),
            DnsResponseCode.NoError,
            answers:
            [
                new DnsRecord("2.0.0.127.zen.example", DnsRecordType.CNAME, 300) { Target = "alias.zen.example" },
                new DnsRecord("alias.zen.example", DnsRecordType.A, 120) { Address = IPAddress.Parse("127.0.0.2") },
                new DnsRecord("alias.zen.example", DnsRecordType.A, 60) { Address = IPAddress.Parse("127.0.0.4") },
            ],
            authorities: [new DnsRecord("zen.example", DnsRecordType.NS, 3600) { Target = "ns1.zen.example" }]);

    public static DnsMessage NegativeResponse() =>
        DnsMessage.CreateResponse(
            Query(),
            DnsResponseCode.NameError,
            authorities: [new DnsRecord("zen.example", DnsRecordType.SOA, 900) { Target = "ns1.zen.example", SoaMinimum = 150 }]);

    public static DnsMessage TextResponse(string text) =>
        DnsMessage.CreateResponse(
            Query(type: DnsRecordType.TXT),
            DnsResponseCode.NoError,
            answers: [new DnsRecord("2.0.0.127.zen.example", DnsRecordType.TXT, 300) { Text = text }]);

    public static DnsMessage IPv6Response() =>
        DnsMessage.CreateResponse(
            Query(type: DnsRecordType.AAAA),
            DnsResponseCode.NoError,
            answers: [new DnsRecord("2.0.0.127.zen.example", DnsRecordType.AAAA, 30) { Address = IPAddress.Parse("::ffff:7f00:2") }]);

    /// <summary>A hand-made response using name compression, as real servers send.</summary>
    public static byte[] CompressedResponseBytes() =>
    [
        0x42, 0x42, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0,
        7, .."example"u8, 3, .."com"u8, 0, 0, 1, 0, 1,
        0xC0, 12, 0, 1, 0, 1, 0, 0, 0x0E, 0x10, 0, 4, 127, 0, 0, 2,
    ];
}

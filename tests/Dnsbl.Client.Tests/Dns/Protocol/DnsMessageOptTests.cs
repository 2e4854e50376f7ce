using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;

namespace Dnsbl.Client.Tests.Dns.Protocol;

/// <summary>RFC 6891 §6.1.1: one OPT record, in the additional section only; its TTL carries the extended RCODE.</summary>
public sealed class DnsMessageOptTests
{
    [Fact]
    public void TryParse_OptInTheAnswerSection_IsMisplacedOpt()
    {
        byte[] bytes = WithOpt(optInAnswer: true, optCount: 1);

        Assert.False(DnsMessage.TryParse(bytes, out _, out var error));
        Assert.Equal(DnsParseError.MisplacedOpt, error);
    }

    [Fact]
    public void TryParse_TwoOptRecords_IsMisplacedOpt()
    {
        byte[] bytes = WithOpt(optInAnswer: false, optCount: 2);

        Assert.False(DnsMessage.TryParse(bytes, out _, out var error));
        Assert.Equal(DnsParseError.MisplacedOpt, error);
    }

    [Fact]
    public void TryParse_OneOptWithExtendedBits_JoinsTheTwelveBitRcode()
    {
        var message = new DnsMessage
        {
            Header = new DnsMessageHeader(7, DnsHeaderFlags.Response, responseCode: DnsResponseCode.NoError),
            Questions = [new DnsWireQuestion("a.example", DnsRecordType.A, 1)],
            EdnsUdpPayloadSize = 1232,
            ExtendedResponseCodeBits = 1,
        };

        Assert.True(DnsMessage.TryParse(message.ToArray(), out var parsed, out _));
        Assert.Equal(DnsResponseCode.BadVersion, parsed!.ExtendedResponseCode);
    }

    // A response with one question, one A record, and OPT records placed as asked.
    private static byte[] WithOpt(bool optInAnswer, int optCount)
    {
        var writer = new byte[512];
        var w = new DnsMessageWriter(writer);
        ushort answers = (ushort)(1 + (optInAnswer ? 1 : 0));
        ushort additionals = (ushort)(optInAnswer ? optCount - 1 : optCount);
        Assert.True(w.TryWriteHeader(new DnsMessageHeader(7, DnsHeaderFlags.Response, questionCount: 1, answerCount: answers, additionalCount: additionals)));
        Assert.True(w.TryWriteQuestion("a.example", DnsRecordType.A));
        Assert.True(w.TryWriteRecord(new DnsRecord("a.example", DnsRecordType.A, 60) { Address = System.Net.IPAddress.Parse("127.0.0.2") }));
        for (int i = 0; i < optCount; i++)
        {
            Assert.True(w.TryWriteOpt());
        }

        return writer[..w.Position];
    }
}

using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Tests.Dns.Protocol;

namespace Dnsbl.Client.Tests.Dns.Transport;

/// <summary>What the receive thread makes of a datagram whose header matched a pending query.</summary>
public sealed class DnsUdpSocketReplyTests
{
    private const string SentName = "2.0.0.127.ZEN.example";
    private static readonly IPEndPoint Server = new(IPAddress.Loopback, 5353);

    private static byte[] Reply(string questionName) =>
        DnsMessage.CreateResponse(
            DnsMessageSamples.Query(questionName),
            DnsResponseCode.NoError,
            answers: [new DnsRecord(questionName, DnsRecordType.A, 60) { Address = IPAddress.Parse("127.0.0.2") }]).ToArray();

    [Fact]
    public void TryReadReply_EchoedQuestion_IsTheResponseNamedWithTheSentString()
    {
        var sent = new DnsQuestion(string.Concat("2.0.0.127.", "ZEN.example"), DnsRecordType.A);

        Assert.True(DnsUdpSocket.TryReadReply(Reply(SentName), sent, exactCase: true, Server, out var result));

        Assert.Equal(DnsExchangeStatus.Response, result.Status);
        Assert.Same(sent.Name, result.Response!.Questions[0].Name);
        Assert.Same(sent.Name, Assert.Single(result.Response.Answers).Name);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void TryReadReply_QuestionInOtherCase_IsAcceptedOnlyWithoutExactCase(bool exactCase, bool accepted)
    {
        var sent = new DnsQuestion(SentName, DnsRecordType.A);

        Assert.Equal(accepted, DnsUdpSocket.TryReadReply(Reply(SentName.ToLowerInvariant()), sent, exactCase, Server, out var result));

        if (accepted)
        {
            Assert.Equal(SentName.ToLowerInvariant(), result.Response!.Questions[0].Name);
        }
    }

    [Fact]
    public void TryReadReply_OtherQuestion_IsRejected()
    {
        var sent = new DnsQuestion(SentName, DnsRecordType.A);

        Assert.False(DnsUdpSocket.TryReadReply(Reply("3.0.0.127.zen.example"), sent, exactCase: false, Server, out _));
    }

    [Fact]
    public void TryReadReply_EchoedQuestionThenBrokenRecords_IsMalformed()
    {
        var sent = new DnsQuestion(SentName, DnsRecordType.A);
        byte[] reply = Reply(SentName);

        Assert.True(DnsUdpSocket.TryReadReply(reply.AsSpan(0, reply.Length - 1), sent, exactCase: true, Server, out var result));

        Assert.Equal(DnsExchangeStatus.Malformed, result.Status);
        Assert.Contains("Truncated", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadReply_GarbageAfterTheHeader_IsRejected()
    {
        var sent = new DnsQuestion(SentName, DnsRecordType.A);
        byte[] reply = Reply(SentName);
        reply[12] = 0xC0; // the question's name becomes a forward pointer

        Assert.False(DnsUdpSocket.TryReadReply(reply, sent, exactCase: true, Server, out _));
    }
}

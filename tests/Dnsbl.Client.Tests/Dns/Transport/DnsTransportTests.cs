using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Dns.Transport;

public sealed class DnsTransportTests
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(10);
    private static readonly DnsQuestion Question = new("2.0.0.127.zen.example", DnsRecordType.A);

    [Fact]
    public async Task ExchangeAsync_MatchingAnswer_IsAccepted()
    {
        await using var responder = LoopbackDnsResponder.Answering("127.0.0.2");
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(Question, responder.EndPoint, Patient, CancellationToken.None);

        Assert.Equal(DnsExchangeStatus.Response, result.Status);
        Assert.Equal(IPAddress.Parse("127.0.0.2"), Assert.Single(result.Response!.Answers).Address);
        Assert.False(result.UsedTcp);
    }

    [Fact]
    public async Task ExchangeAsync_WrongIdFirst_DropsItAndAcceptsTheMatchingOne()
    {
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            var forged = ResponderExchange.AnswerA(exchange.Query, "127.0.0.9");
            var bytes = forged.ToArray();
            bytes[1] ^= 0x01; // another ID
            exchange.Reply(bytes);
            exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
        });
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(Question, responder.EndPoint, Patient, CancellationToken.None);

        Assert.Equal(IPAddress.Parse("127.0.0.2"), Assert.Single(result.Response!.Answers).Address);
        Assert.Equal(1, transport.Statistics.MismatchedReplies);
    }

    [Fact]
    public async Task ExchangeAsync_WrongQuestionFirst_DropsItAndAcceptsTheMatchingOne()
    {
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            var otherQuestion = new DnsMessage
            {
                Header = exchange.Query.Header,
                Questions = [new DnsWireQuestion("3.0.0.127.zen.example", DnsRecordType.A, 1)],
            };
            exchange.Reply(ResponderExchange.AnswerA(otherQuestion, "127.0.0.9"));
            exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
        });
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(Question, responder.EndPoint, Patient, CancellationToken.None);

        Assert.Equal(IPAddress.Parse("127.0.0.2"), Assert.Single(result.Response!.Answers).Address);
        Assert.Equal(1, transport.Statistics.MismatchedReplies);
    }

    [Fact]
    public async Task ExchangeAsync_AnswerFromAnotherPort_IsDropped()
    {
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            exchange.ReplyFromOtherPort(ResponderExchange.AnswerA(exchange.Query, "127.0.0.9"));
            exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
        });
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(Question, responder.EndPoint, Patient, CancellationToken.None);

        Assert.Equal(IPAddress.Parse("127.0.0.2"), Assert.Single(result.Response!.Answers).Address);
    }

    [Fact]
    public async Task ExchangeAsync_QuestionEchoedInOtherCase_IsAccepted()
    {
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            var upper = new DnsMessage
            {
                Header = exchange.Query.Header,
                Questions = [exchange.Query.Question!.Value with { Name = "2.0.0.127.ZEN.Example" }],
            };
            exchange.Reply(ResponderExchange.AnswerA(upper, "127.0.0.2"));
        });
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(Question, responder.EndPoint, Patient, CancellationToken.None);

        Assert.Equal(DnsExchangeStatus.Response, result.Status);
    }

    [Fact]
    public async Task ExchangeAsync_TruncatedUdpAnswer_RetriesOverTcp()
    {
        await using var responder = LoopbackDnsResponder.Start(
            exchange => exchange.Reply(DnsMessage.CreateResponse(exchange.Query, DnsResponseCode.NoError, truncated: true)),
            query => ResponderExchange.AnswerA(query, "127.0.0.4"));
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(Question, responder.EndPoint, Patient, CancellationToken.None);

        Assert.True(result.UsedTcp);
        Assert.Equal(IPAddress.Parse("127.0.0.4"), Assert.Single(result.Response!.Answers).Address);
        Assert.Equal(1, responder.TcpQueries);
    }

    [Fact]
    public async Task ExchangeAsync_MalformedReplyForTheQuery_IsMalformedStatus()
    {
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            byte[] bytes = ResponderExchange.AnswerA(exchange.Query, "127.0.0.2").ToArray();
            exchange.Reply(bytes[..^2]); // the A record's data is cut short
        });
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(Question, responder.EndPoint, Patient, CancellationToken.None);

        Assert.Equal(DnsExchangeStatus.Malformed, result.Status);
        Assert.Contains("Truncated", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeAsync_NoReply_TimesOutWhenTheClockPassesTheTimeout()
    {
        var time = new FakeTimeProvider();
        await using var responder = LoopbackDnsResponder.Start(_ => { });
        await using var transport = new DnsTransport(time);

        var pending = transport.ExchangeAsync(Question, responder.EndPoint, TimeSpan.FromSeconds(2), CancellationToken.None).AsTask();
        await responder.FirstQueryReceived.WaitAsync(Patient);
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await pending.WaitAsync(Patient);

        Assert.Equal(DnsExchangeStatus.Timeout, result.Status);
    }

    [Fact]
    public async Task ExchangeAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var responder = LoopbackDnsResponder.Start(_ => { });
        await using var transport = new DnsTransport(TimeProvider.System);
        using var cancellation = new CancellationTokenSource();

        var pending = transport.ExchangeAsync(Question, responder.EndPoint, Patient, cancellation.Token).AsTask();
        await responder.FirstQueryReceived.WaitAsync(Patient);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(Patient));
    }

    [Fact]
    public async Task ExchangeAsync_AlreadyCancelled_ThrowsWithoutSending()
    {
        await using var responder = LoopbackDnsResponder.Answering("127.0.0.2");
        await using var transport = new DnsTransport(TimeProvider.System);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await transport.ExchangeAsync(Question, responder.EndPoint, Patient, new CancellationToken(true)));
        Assert.Equal(0, responder.UdpQueries);
    }
}

using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Dns.Transport;

/// <summary>The 0x20 check inside reply matching: with exact case required, a wrongly cased echo is no match at all.</summary>
public sealed class DnsTransportCaseTests
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(10);
    private static readonly DnsQuestion MixedCase = new("2.0.0.127.ZeN.eXaMpLe", DnsRecordType.A);

    [Fact]
    public async Task ExchangeAsync_ExactCaseAndWronglyCasedForgeryFirst_DropsItAndAcceptsTheExactEcho()
    {
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            exchange.Reply(ResponderExchange.AnswerA(Lowercased(exchange.Query), "127.0.0.9"));
            exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
        });
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(MixedCase, responder.EndPoint, Patient, requireExactCase: true, CancellationToken.None);

        Assert.Equal(DnsExchangeStatus.Response, result.Status);
        Assert.Equal(IPAddress.Parse("127.0.0.2"), Assert.Single(result.Response!.Answers).Address);
        Assert.Equal(MixedCase.Name, result.Response.Question!.Value.Name);
        Assert.Equal(1, transport.Statistics.MismatchedReplies);
    }

    [Fact]
    public async Task ExchangeAsync_ExactCaseAndOnlyWronglyCasedReplies_TimesOut()
    {
        var time = new FakeTimeProvider();
        var forgerySent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            exchange.Reply(ResponderExchange.AnswerA(Lowercased(exchange.Query), "127.0.0.9"));
            forgerySent.TrySetResult();
        });
        await using var transport = new DnsTransport(time);

        var pending = transport.ExchangeAsync(MixedCase, responder.EndPoint, TimeSpan.FromSeconds(2), requireExactCase: true, CancellationToken.None).AsTask();
        await forgerySent.Task.WaitAsync(Patient);
        time.Advance(TimeSpan.FromSeconds(2));
        var result = await pending.WaitAsync(Patient);

        Assert.Equal(DnsExchangeStatus.Timeout, result.Status);
    }

    [Fact]
    public async Task ExchangeAsync_CaseInsensitiveMatching_AcceptsWronglyCasedEcho()
    {
        await using var responder = LoopbackDnsResponder.Start(exchange =>
            exchange.Reply(ResponderExchange.AnswerA(Lowercased(exchange.Query), "127.0.0.2")));
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(MixedCase, responder.EndPoint, Patient, requireExactCase: false, CancellationToken.None);

        Assert.Equal(DnsExchangeStatus.Response, result.Status);
        Assert.Equal(0, transport.Statistics.MismatchedReplies);
    }

    [Fact]
    public async Task ExchangeAsync_ExactCaseAndTcpReplyWronglyCased_IsMalformedNamingTheCaseCheck()
    {
        await using var responder = LoopbackDnsResponder.Start(
            exchange => exchange.Reply(DnsMessage.CreateResponse(exchange.Query, DnsResponseCode.NoError, truncated: true)),
            query => ResponderExchange.AnswerA(Lowercased(query), "127.0.0.4"));
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(MixedCase, responder.EndPoint, Patient, requireExactCase: true, CancellationToken.None);

        Assert.True(result.UsedTcp);
        Assert.Equal(DnsExchangeStatus.Malformed, result.Status);
        Assert.Contains("0x20", result.Detail, StringComparison.Ordinal);
    }

    /// <summary>The query as a case-normalising server (or a forger that did not guess the case) would echo it.</summary>
    private static DnsMessage Lowercased(DnsMessage query) => new()
    {
        Header = query.Header,
        Questions = [query.Question!.Value with { Name = query.Question.Value.Name.ToLowerInvariant() }],
    };
}

using System.Net;
using System.Net.Sockets;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Dns.Transport;

/// <summary>The transport's IPv6 socket against a responder on [::1]: strict matching and TC→TCP work as over IPv4.</summary>
public sealed class DnsTransportIpv6Tests
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(10);
    private static readonly DnsQuestion Question = new("2.0.0.127.zen.example", DnsRecordType.A);

    [Ipv6LoopbackFact]
    public async Task ExchangeAsync_Ipv6Loopback_MatchingAnswerAccepted()
    {
        await using var responder = Ipv6Responder(exchange => exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2")));
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(Question, responder.EndPoint, Patient, CancellationToken.None);

        Assert.Equal(AddressFamily.InterNetworkV6, responder.EndPoint.AddressFamily);
        Assert.Equal(DnsExchangeStatus.Response, result.Status);
        Assert.False(result.UsedTcp);
        Assert.Equal(IPAddress.Parse("127.0.0.2"), Assert.Single(result.Response!.Answers).Address);
        Assert.Equal(1, transport.Statistics.SocketsOpened);
    }

    [Ipv6LoopbackFact]
    public async Task ExchangeAsync_Ipv6LoopbackForgeriesFirst_DropsThemAndAcceptsTheMatchingOne()
    {
        await using var responder = Ipv6Responder(exchange =>
        {
            exchange.ReplyFromOtherPort(ResponderExchange.AnswerA(exchange.Query, "127.0.0.9"));
            var wrongId = ResponderExchange.AnswerA(exchange.Query, "127.0.0.9").ToArray();
            wrongId[1] ^= 0x01;
            exchange.Reply(wrongId);
            exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
        });
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(Question, responder.EndPoint, Patient, CancellationToken.None);

        Assert.Equal(IPAddress.Parse("127.0.0.2"), Assert.Single(result.Response!.Answers).Address);
        Assert.Equal(2, transport.Statistics.MismatchedReplies);
    }

    [Ipv6LoopbackFact]
    public async Task ExchangeAsync_Ipv6LoopbackWronglyCasedEchoWithExactCase_DroppedThenExactEchoAccepted()
    {
        var mixedCase = new DnsQuestion("2.0.0.127.ZEN.example", DnsRecordType.A);
        await using var responder = Ipv6Responder(exchange =>
        {
            var lowered = new DnsMessage
            {
                Header = exchange.Query.Header,
                Questions = [exchange.Query.Question!.Value with { Name = exchange.Query.Question.Value.Name.ToLowerInvariant() }],
            };
            exchange.Reply(ResponderExchange.AnswerA(lowered, "127.0.0.9"));
            exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
        });
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(mixedCase, responder.EndPoint, Patient, requireExactCase: true, CancellationToken.None);

        Assert.Equal(IPAddress.Parse("127.0.0.2"), Assert.Single(result.Response!.Answers).Address);
        Assert.Equal(1, transport.Statistics.MismatchedReplies);
    }

    [Ipv6LoopbackFact]
    public async Task ExchangeAsync_Ipv6LoopbackTruncatedUdpAnswer_RetriesOverTcp()
    {
        await using var responder = LoopbackDnsResponder.Start(
            exchange => exchange.Reply(DnsMessage.CreateResponse(exchange.Query, DnsResponseCode.NoError, truncated: true)),
            query => ResponderExchange.AnswerA(query, "127.0.0.4"),
            IPAddress.IPv6Loopback);
        await using var transport = new DnsTransport(TimeProvider.System);

        var result = await transport.ExchangeAsync(Question, responder.EndPoint, Patient, CancellationToken.None);

        Assert.True(result.UsedTcp);
        Assert.Equal(IPAddress.Parse("127.0.0.4"), Assert.Single(result.Response!.Answers).Address);
        Assert.Equal(1, responder.TcpQueries);
    }

    [Ipv6LoopbackFact]
    public async Task ResolveAsync_Ipv4ServerSilentAndIpv6ServerAnswers_FailsOverToTheIpv6Socket()
    {
        var time = new FakeTimeProvider();
        await using var silent = LoopbackDnsResponder.Start(_ => { });
        await using var answering = Ipv6Responder(exchange => exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2")));
        var transport = new DnsTransport(time);
        await using var resolver = new DnsStubResolver(
            new DnsStubResolverOptions([silent.EndPoint, answering.EndPoint], TimeSpan.FromSeconds(1), 1), transport);

        var pending = resolver.ResolveAsync(Question, CancellationToken.None).AsTask();
        await silent.FirstQueryReceived.WaitAsync(Patient);
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await pending.WaitAsync(Patient);

        Assert.Equal(DnsLookupStatus.Answered, result.Status);
        Assert.Equal(answering.EndPoint, result.Server);
        Assert.Equal(2, transport.Statistics.SocketsOpened); // one socket per address family
    }

    [Ipv6LoopbackFact]
    public async Task Create_BracketedIpv6Nameserver_ResolvesOverIpv6()
    {
        await using var responder = Ipv6Responder(exchange => exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2")));
        await using var resolver = DnsStubResolver.Create([$"[::1]:{responder.EndPoint.Port}"], TimeSpan.FromSeconds(10), 1, TimeProvider.System, logger: null);

        var result = await resolver.ResolveAsync(Question, CancellationToken.None);

        Assert.Equal(DnsLookupStatus.Answered, result.Status);
        Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, responder.EndPoint.Port), result.Server);
    }

    private static LoopbackDnsResponder Ipv6Responder(Action<ResponderExchange> onUdpQuery) =>
        LoopbackDnsResponder.Start(onUdpQuery, loopback: IPAddress.IPv6Loopback);
}

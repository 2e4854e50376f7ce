using Dnsbl.Client.Dns.Protocol;
using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Tests.Dns.Fakes;

namespace Dnsbl.Client.Tests.Dns.Transport;

public sealed class DnsUdpTransportConcurrencyTests
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ExchangeAsync_TwoThousandConcurrentQueries_EachGetsItsOwnAnswerOnOneSocket()
    {
        const int Count = 2000;
        // Each name q<i>.test is answered with 127.0.<i/256>.<i%256>, so a mix-up would show.
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            int index = int.Parse(exchange.Query.Question!.Value.Name.Split('.')[0][1..], System.Globalization.CultureInfo.InvariantCulture);
            exchange.Reply(ResponderExchange.AnswerA(exchange.Query, $"127.0.{index / 256}.{index % 256}"));
        });
        await using var transport = new DnsUdpTransport(TimeProvider.System);

        var exchanges = Enumerable.Range(0, Count)
            .Select(i => transport.ExchangeAsync(new DnsQuestion($"q{i}.test", DnsRecordType.A), responder.EndPoint, TimeSpan.FromSeconds(5), CancellationToken.None).AsTask())
            .ToArray();
        var results = await Task.WhenAll(exchanges).WaitAsync(Patient);
        var statuses = string.Join(", ", results.GroupBy(r => r.Status).Select(g => $"{g.Key}={g.Count()}"));
        Assert.True(results.All(r => r.Status == DnsExchangeStatus.Response), $"{statuses}; responder saw {responder.UdpQueries}");

        for (int i = 0; i < Count; i++)
        {
            Assert.Equal(DnsExchangeStatus.Response, results[i].Status);
            Assert.Equal(IPAddress.Parse($"127.0.{i / 256}.{i % 256}"), Assert.Single(results[i].Response!.Answers).Address);
        }

        Assert.Equal(1, transport.Statistics.SocketsOpened);
        Assert.Single(responder.SourcePorts);
        Assert.Equal(0, transport.Statistics.MismatchedReplies);
    }

    [Fact]
    public async Task ExchangeAsync_MoreQueriesThanSocketBudget_MovesToFreshSourcePorts()
    {
        await using var responder = LoopbackDnsResponder.Answering("127.0.0.2");
        await using var transport = new DnsUdpTransport(TimeProvider.System, maxQueriesPerSocket: 3);

        for (int i = 0; i < 7; i++)
        {
            var result = await transport.ExchangeAsync(new DnsQuestion($"q{i}.test", DnsRecordType.A), responder.EndPoint, Patient, CancellationToken.None);
            Assert.Equal(DnsExchangeStatus.Response, result.Status);
        }

        Assert.Equal(3, transport.Statistics.SocketsOpened);
        Assert.Equal(3, responder.SourcePorts.Count);
    }

    [Fact]
    public async Task ExchangeAsync_RotationWhileQueryPending_OldSocketStillDeliversItsAnswer()
    {
        var release = new TaskCompletionSource();
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            if (exchange.Query.Question!.Value.Name == "slow.test")
            {
                // Answer the first query only after the second one (on a new socket) has been answered.
                _ = release.Task.ContinueWith(_ => exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.3")), TaskScheduler.Default);
            }
            else
            {
                exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
            }
        });
        await using var transport = new DnsUdpTransport(TimeProvider.System, maxQueriesPerSocket: 1);

        var slow = transport.ExchangeAsync(new DnsQuestion("slow.test", DnsRecordType.A), responder.EndPoint, Patient, CancellationToken.None).AsTask();
        var fast = await transport.ExchangeAsync(new DnsQuestion("fast.test", DnsRecordType.A), responder.EndPoint, Patient, CancellationToken.None);
        release.SetResult();
        var slowResult = await slow.WaitAsync(Patient);

        Assert.Equal(DnsExchangeStatus.Response, fast.Status);
        Assert.Equal(IPAddress.Parse("127.0.0.3"), Assert.Single(slowResult.Response!.Answers).Address);
        Assert.Equal(2, responder.SourcePorts.Count);
    }
}

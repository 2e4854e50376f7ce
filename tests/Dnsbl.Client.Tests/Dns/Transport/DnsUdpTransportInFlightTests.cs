using Dnsbl.Client.Dns.Protocol;
using System.Collections.Concurrent;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Dns.Transport;

public sealed class DnsUdpTransportInFlightTests
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ExchangeAsync_MoreQueriesThanSlots_SendsOnlyAsManyAsSlotsUntilRepliesFreeThem()
    {
        var gate = new Lock();
        var held = new List<ResponderExchange>();
        var released = false;
        var twoArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            lock (gate)
            {
                if (!released)
                {
                    held.Add(exchange);
                    if (held.Count == 2)
                    {
                        twoArrived.TrySetResult();
                    }

                    return;
                }
            }

            exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
        });
        await using var transport = new DnsUdpTransport(TimeProvider.System, maxQueriesInFlight: 2);

        var exchanges = Enumerable.Range(0, 5)
            .Select(i => transport.ExchangeAsync(new DnsQuestion($"q{i}.test", DnsRecordType.A), responder.EndPoint, Patient, CancellationToken.None).AsTask())
            .ToArray();
        await twoArrived.Task.WaitAsync(Patient);

        // Nothing is answered yet, so no slot can have come free: the other three cannot have been sent.
        Assert.Equal(0, transport.FreeSlots);
        Assert.Equal(2, responder.UdpQueries);
        Assert.All(exchanges, e => Assert.False(e.IsCompleted));

        // Answering the two held queries frees their slots; the responder answers the rest as they come.
        List<ResponderExchange> toAnswer;
        lock (gate)
        {
            released = true;
            toAnswer = [.. held];
        }

        foreach (var exchange in toAnswer)
        {
            exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
        }

        var results = await Task.WhenAll(exchanges).WaitAsync(Patient);
        Assert.All(results, r => Assert.Equal(DnsExchangeStatus.Response, r.Status));
        Assert.Equal(5, responder.UdpQueries);
        Assert.Equal(2, transport.FreeSlots);
    }

    [Fact]
    public async Task ExchangeAsync_TimedOutQuery_GivesItsSlotToTheNextOne()
    {
        var time = new FakeTimeProvider();
        var arrivals = new ConcurrentQueue<string>();
        var arrived = new SemaphoreSlim(0);
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            arrivals.Enqueue(exchange.Query.Question!.Value.Name);
            arrived.Release();
        });
        await using var transport = new DnsUdpTransport(time, maxQueriesInFlight: 1);

        var first = transport.ExchangeAsync(new DnsQuestion("first.test", DnsRecordType.A), responder.EndPoint, TimeSpan.FromSeconds(1), CancellationToken.None).AsTask();
        var second = transport.ExchangeAsync(new DnsQuestion("second.test", DnsRecordType.A), responder.EndPoint, TimeSpan.FromSeconds(1), CancellationToken.None).AsTask();
        Assert.True(await arrived.WaitAsync(Patient));
        Assert.False(second.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(DnsExchangeStatus.Timeout, (await first.WaitAsync(Patient)).Status);
        Assert.True(await arrived.WaitAsync(Patient));
        Assert.Equal(["first.test", "second.test"], arrivals);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(DnsExchangeStatus.Timeout, (await second.WaitAsync(Patient)).Status);
        Assert.Equal(1, transport.FreeSlots);
    }

    [Fact]
    public async Task ExchangeAsync_CancelledWhileWaitingForASlot_ThrowsAndKeepsTheSlotCount()
    {
        await using var responder = LoopbackDnsResponder.Start(_ => { });
        await using var transport = new DnsUdpTransport(TimeProvider.System, maxQueriesInFlight: 1);
        using var cancel = new CancellationTokenSource();

        var holder = transport.ExchangeAsync(new DnsQuestion("holder.test", DnsRecordType.A), responder.EndPoint, Patient, CancellationToken.None).AsTask();
        var waiter = transport.ExchangeAsync(new DnsQuestion("waiter.test", DnsRecordType.A), responder.EndPoint, Patient, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter.WaitAsync(Patient));
        Assert.Equal(0, transport.FreeSlots);
        Assert.False(holder.IsCompleted);
    }
}

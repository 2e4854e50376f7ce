using System.Collections.Concurrent;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Dns;
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
        Assert.Equal(0, transport.FreeSlots(responder.EndPoint));
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
        Assert.Equal(2, transport.FreeSlots(responder.EndPoint));
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
        var second = transport.ExchangeAsync(new DnsQuestion("second.test", DnsRecordType.A), responder.EndPoint, TimeSpan.FromSeconds(3), CancellationToken.None).AsTask();
        Assert.True(await arrived.WaitAsync(Patient));
        Assert.False(second.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(DnsExchangeStatus.Timeout, (await first.WaitAsync(Patient)).Status);
        Assert.True(await arrived.WaitAsync(Patient));
        Assert.Equal(["first.test", "second.test"], arrivals);

        // The second waited one of its three seconds for the slot: it is sent with the two left.
        time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(DnsExchangeStatus.Timeout, (await second.WaitAsync(Patient)).Status);
        Assert.Equal(1, transport.FreeSlots(responder.EndPoint));
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
        Assert.Equal(0, transport.FreeSlots(responder.EndPoint));
        Assert.False(holder.IsCompleted);
    }

    [Fact]
    public async Task ExchangeAsync_LineOfWaitersFull_ShedsAtOnceAsOverloaded()
    {
        await using var responder = LoopbackDnsResponder.Start(_ => { }); // never answers
        await using var transport = new DnsUdpTransport(TimeProvider.System, maxQueriesInFlight: 1, maxQueriesWaiting: 2);

        var held = Enumerable.Range(0, 3)
            .Select(i => transport.ExchangeAsync(new DnsQuestion($"q{i}.test", DnsRecordType.A), responder.EndPoint, Patient, CancellationToken.None).AsTask())
            .ToArray();
        var shed = await transport.ExchangeAsync(new DnsQuestion("shed.test", DnsRecordType.A), responder.EndPoint, Patient, CancellationToken.None);

        Assert.Equal(DnsExchangeStatus.Overloaded, shed.Status);
        Assert.Equal(1, transport.Statistics.ShedQueries);
        Assert.All(held, e => Assert.False(e.IsCompleted)); // one in flight, two in line
    }

    [Fact]
    public async Task ExchangeAsync_SlotWaitLongerThanTimeout_TimesOutWithoutSending()
    {
        var time = new FakeTimeProvider();
        await using var responder = LoopbackDnsResponder.Start(_ => { });
        await using var transport = new DnsUdpTransport(time, maxQueriesInFlight: 1);

        var holder = transport.ExchangeAsync(new DnsQuestion("holder.test", DnsRecordType.A), responder.EndPoint, TimeSpan.FromSeconds(5), CancellationToken.None).AsTask();
        var waiter = transport.ExchangeAsync(new DnsQuestion("waiter.test", DnsRecordType.A), responder.EndPoint, TimeSpan.FromSeconds(1), CancellationToken.None).AsTask();
        await responder.FirstQueryReceived.WaitAsync(Patient);

        // The waiter's whole attempt passes while the holder keeps the only slot: it must not be sent late with a fresh second.
        time.Advance(TimeSpan.FromSeconds(1));

        var result = await waiter.WaitAsync(Patient);
        Assert.Equal(DnsExchangeStatus.Timeout, result.Status);
        Assert.Equal(1, responder.UdpQueries);
        Assert.False(holder.IsCompleted);
    }

    [Fact]
    public async Task ExchangeAsync_OneServerSilentWithSlotsFull_AnotherServerStillAnswersAtOnce()
    {
        await using var silent = LoopbackDnsResponder.Start(_ => { });
        await using var healthy = LoopbackDnsResponder.Answering("127.0.0.2");
        await using var transport = new DnsUdpTransport(TimeProvider.System, maxQueriesInFlight: 2);

        var stuck = Enumerable.Range(0, 10)
            .Select(i => transport.ExchangeAsync(new DnsQuestion($"s{i}.test", DnsRecordType.A), silent.EndPoint, Patient, CancellationToken.None).AsTask())
            .ToArray();
        var answered = await transport.ExchangeAsync(new DnsQuestion("h.test", DnsRecordType.A), healthy.EndPoint, Patient, CancellationToken.None);

        Assert.Equal(DnsExchangeStatus.Response, answered.Status);
        Assert.Equal(0, transport.FreeSlots(silent.EndPoint));
        Assert.Equal(2, transport.FreeSlots(healthy.EndPoint));
        Assert.All(stuck, e => Assert.False(e.IsCompleted));
    }
}

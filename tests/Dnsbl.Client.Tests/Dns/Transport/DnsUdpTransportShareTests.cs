using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Tests.Dns.Fakes;

namespace Dnsbl.Client.Tests.Dns.Transport;

/// <summary>Each asker's share of a nameserver's slots: one slow list cannot take the slots of the others.</summary>
public sealed class DnsUdpTransportShareTests
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ExchangeAsync_OneListsServerSideHangs_OtherListStillAnswersWithinItsTimeout()
    {
        // The fake server holds every query of slow.example unanswered (a list rate-limiting us) and answers the rest.
        var gate = new Lock();
        var held = new List<ResponderExchange>();
        var released = false;
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            lock (gate)
            {
                if (!released && exchange.Query.Question!.Value.Name.EndsWith(".slow.example", StringComparison.Ordinal))
                {
                    held.Add(exchange);
                    return;
                }
            }

            exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
        });
        await using var transport = new DnsUdpTransport(TimeProvider.System, maxQueriesInFlight: 4);
        await AskFastAsync(transport, responder, "first"); // two lists use this server: each keeps to its share

        // Six slow questions: two (the list's half of four slots) go out, four wait in the slow list's own line.
        var slow = Enumerable.Range(0, 6)
            .Select(i => transport.ExchangeAsync(new DnsQuestion($"{i}.slow.example", DnsRecordType.A) { Share = "slow.example" }, responder.EndPoint, Patient, CancellationToken.None).AsTask())
            .ToArray();
        Assert.Equal(2, transport.FreeSlots(responder.EndPoint));

        // Without shares the slow list held all four slots and these waited until their timeout.
        for (int i = 0; i < 10; i++)
        {
            await AskFastAsync(transport, responder, $"{i}");
        }

        List<ResponderExchange> toAnswer;
        lock (gate)
        {
            Assert.Equal(2, held.Count);
            released = true;
            toAnswer = [.. held];
        }

        foreach (var exchange in toAnswer)
        {
            exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
        }

        // The waiting slow questions go out as their share frees, and are answered.
        var results = await Task.WhenAll(slow).WaitAsync(Patient);
        Assert.All(results, r => Assert.Equal(DnsExchangeStatus.Response, r.Status));
        Assert.Equal(4, transport.FreeSlots(responder.EndPoint));
    }

    [Fact]
    public async Task ExchangeAsync_OnlyListOfTheServer_MayUseEverySlot()
    {
        var held = new System.Collections.Concurrent.ConcurrentQueue<ResponderExchange>();
        await using var responder = LoopbackDnsResponder.Start(held.Enqueue);
        await using var transport = new DnsUdpTransport(TimeProvider.System, maxQueriesInFlight: 4);
        using var cancel = new CancellationTokenSource();

        // No other asker to starve: the one list is not held to half.
        var pending = Enumerable.Range(0, 4)
            .Select(i => transport.ExchangeAsync(new DnsQuestion($"{i}.only.example", DnsRecordType.A) { Share = "only.example" }, responder.EndPoint, Patient, cancel.Token).AsTask())
            .ToArray();

        Assert.Equal(0, transport.FreeSlots(responder.EndPoint));
        await cancel.CancelAsync();
        foreach (var exchange in pending)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exchange);
        }

        Assert.Equal(4, transport.FreeSlots(responder.EndPoint));
    }

    private static async Task AskFastAsync(DnsUdpTransport transport, LoopbackDnsResponder responder, string label)
    {
        var fast = await transport.ExchangeAsync(new DnsQuestion($"{label}.fast.example", DnsRecordType.A) { Share = "fast.example" }, responder.EndPoint, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal(DnsExchangeStatus.Response, fast.Status);
    }

    [Fact]
    public async Task ExchangeAsync_QuestionWithoutShare_MayUseEverySlot()
    {
        var gate = new Lock();
        var held = new List<ResponderExchange>();
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            lock (gate)
            {
                held.Add(exchange);
            }
        });
        await using var transport = new DnsUdpTransport(TimeProvider.System, maxQueriesInFlight: 4);
        using var cancel = new CancellationTokenSource();

        var pending = Enumerable.Range(0, 4)
            .Select(i => transport.ExchangeAsync(new DnsQuestion($"{i}.probe.example", DnsRecordType.A), responder.EndPoint, Patient, cancel.Token).AsTask())
            .ToArray();

        Assert.Equal(0, transport.FreeSlots(responder.EndPoint));
        await cancel.CancelAsync();
        foreach (var exchange in pending)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exchange);
        }

        Assert.Equal(4, transport.FreeSlots(responder.EndPoint));
    }
}

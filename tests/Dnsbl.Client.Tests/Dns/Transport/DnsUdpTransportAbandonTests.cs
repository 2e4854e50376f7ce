using System.Threading.Channels;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Tests.Dns.Fakes;

namespace Dnsbl.Client.Tests.Dns.Transport;

/// <summary>A query waiting for a slot whose every waiter has gone leaves the line unsent (issue 16).</summary>
public sealed class DnsUdpTransportAbandonTests
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ExchangeAsync_QueuedQueryAbandoned_LeavesTheLineUnsent()
    {
        var held = Channel.CreateUnbounded<ResponderExchange>();
        await using var responder = LoopbackDnsResponder.Start(exchange => held.Writer.TryWrite(exchange)); // a black hole until we answer
        await using var transport = new DnsUdpTransport(TimeProvider.System, maxQueriesInFlight: 1);
        var holding = transport.ExchangeAsync(Question("first"), responder.EndPoint, Patient, CancellationToken.None).AsTask();
        var first = await held.Reader.ReadAsync().AsTask().WaitAsync(Patient);
        var interest = new QueryInterest();
        var queued = transport.ExchangeAsync(Question("queued") with { Interest = interest }, responder.EndPoint, Patient, CancellationToken.None).AsTask();
        Assert.False(queued.IsCompleted);

        interest.Leave();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(Patient));
        Assert.Equal(1, transport.Statistics.AbandonedQueries);

        // The slot freed by the first answer goes to the next live query, not to the given-up one.
        var next = transport.ExchangeAsync(Question("next"), responder.EndPoint, Patient, CancellationToken.None).AsTask();
        first.Reply(ResponderExchange.AnswerA(first.Query, "127.0.0.2"));
        await holding.WaitAsync(Patient);
        var nextQuery = await held.Reader.ReadAsync().AsTask().WaitAsync(Patient);
        Assert.Equal("next.abandon.example", nextQuery.Query.Question!.Value.Name);
        nextQuery.Reply(ResponderExchange.AnswerA(nextQuery.Query, "127.0.0.2"));
        Assert.Equal(DnsExchangeStatus.Response, (await next.WaitAsync(Patient)).Status);
        Assert.Equal(2, responder.UdpQueries);
        Assert.Equal(1, transport.FreeSlots(responder.EndPoint));
    }

    [Fact]
    public async Task ExchangeAsync_QueuedQueryOneWaiterLeft_StaysInLineAndIsSent()
    {
        var held = Channel.CreateUnbounded<ResponderExchange>();
        await using var responder = LoopbackDnsResponder.Start(exchange => held.Writer.TryWrite(exchange));
        await using var transport = new DnsUdpTransport(TimeProvider.System, maxQueriesInFlight: 1);
        var holding = transport.ExchangeAsync(Question("first"), responder.EndPoint, Patient, CancellationToken.None).AsTask();
        var first = await held.Reader.ReadAsync().AsTask().WaitAsync(Patient);
        var interest = new QueryInterest();
        Assert.True(interest.TryJoin()); // two checks wait for it
        var queued = transport.ExchangeAsync(Question("queued") with { Interest = interest }, responder.EndPoint, Patient, CancellationToken.None).AsTask();

        interest.Leave();
        first.Reply(ResponderExchange.AnswerA(first.Query, "127.0.0.2"));
        await holding.WaitAsync(Patient);
        var second = await held.Reader.ReadAsync().AsTask().WaitAsync(Patient);
        second.Reply(ResponderExchange.AnswerA(second.Query, "127.0.0.2"));

        Assert.Equal("queued.abandon.example", second.Query.Question!.Value.Name);
        Assert.Equal(DnsExchangeStatus.Response, (await queued.WaitAsync(Patient)).Status);
        Assert.Equal(0, transport.Statistics.AbandonedQueries);
    }

    [Fact]
    public async Task ExchangeAsync_AbandonedBeforeItHadToWait_IsSentAnyway()
    {
        // A query that finds a free slot is sent at once: the interest is read only in the line.
        await using var responder = LoopbackDnsResponder.Answering("127.0.0.2");
        await using var transport = new DnsUdpTransport(TimeProvider.System, maxQueriesInFlight: 1);
        var interest = new QueryInterest();
        interest.Leave();

        var result = await transport.ExchangeAsync(Question("free") with { Interest = interest }, responder.EndPoint, Patient, CancellationToken.None);

        Assert.Equal(DnsExchangeStatus.Response, result.Status);
    }

    private static DnsQuestion Question(string label) => new($"{label}.abandon.example", DnsRecordType.A);
}

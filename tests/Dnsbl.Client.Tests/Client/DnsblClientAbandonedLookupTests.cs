using System.Net;
using System.Threading.Channels;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Resilience;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Client;

/// <summary>
/// Issue 16: a lookup waiting for a query slot whose every check has ended (deadline passed, cancelled) gives up its
/// place: it is never sent, so the live checks after it are not delayed behind dead lookups. The fake server counts
/// what it receives. The client's deadlines run on a fake clock; the transport's on the real one (30 s attempts).
/// </summary>
public sealed class DnsblClientAbandonedLookupTests : IAsyncDisposable
{
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);
    private readonly Channel<ResponderExchange> _held = Channel.CreateUnbounded<ResponderExchange>();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _asked = new();
    private readonly FakeTimeProvider _time = new();
    private readonly LoopbackDnsResponder _server;
    private readonly FailoverResolver _resolver;
    private volatile bool _blackHole = true;

    public DnsblClientAbandonedLookupTests()
    {
        // Holds every query while it is a black hole, then answers each at once (listed).
        _server = LoopbackDnsResponder.Start(exchange =>
        {
            _asked.Enqueue(exchange.Query.Question?.Name.ToString() ?? "");
            if (_blackHole)
            {
                _held.Writer.TryWrite(exchange);
            }
            else
            {
                exchange.Reply(ResponderExchange.AnswerA(exchange.Query, "127.0.0.2"));
            }
        });
        var transport = new DnsTransport(TimeProvider.System, maxQueriesInFlight: 2);
        _resolver = new FailoverResolver(new DnsStubResolver(new DnsStubResolverOptions([_server.EndPoint], TimeSpan.FromSeconds(30), 1), transport), TimeProvider.System);
    }

    [Fact]
    public async Task CheckAsync_QueuedLookupsWhoseChecksPassedTheirDeadline_AreNeverSent()
    {
        await using var client = Client(new DnsList("bl.example"));

        // Two lookups hold both slots at the black hole; ten more wait in line for one.
        var dead = Enumerable.Range(1, 12).Select(i => client.CheckAsync(Address(0, i)).AsTask()).ToArray();
        var firstHeld = await ReadHeldAsync();
        var secondHeld = await ReadHeldAsync();
        _time.Advance(Deadline);
        var results = await Task.WhenAll(dead).WaitAsync(Patient);
        Assert.All(results, r => Assert.Equal(DnsblErrorKind.DeadlineExceeded, Assert.Single(r.Lists).Error));

        // The server recovers and answers what it holds: the freed slots must go to new checks, not the ten dead lookups.
        _blackHole = false;
        firstHeld.Reply(ResponderExchange.AnswerA(firstHeld.Query, "127.0.0.2"));
        secondHeld.Reply(ResponderExchange.AnswerA(secondHeld.Query, "127.0.0.2"));
        var fresh = await client.CheckAsync(Address(1, 1)).AsTask().WaitAsync(Patient);
        var askedAgain = await client.CheckAsync(Address(0, 12)).AsTask().WaitAsync(Patient); // a dead lookup's address: asked afresh

        Assert.Equal(ListOutcomeKind.Listed, Assert.Single(fresh.Lists).Kind);
        Assert.Equal(ListOutcomeKind.Listed, Assert.Single(askedAgain.Lists).Kind);
        Assert.Equal(4, _server.UdpQueries); // the two held, then one per new check; before the fix 14 or more
    }

    [Fact]
    public async Task CheckAsync_SharedZoneQuestionEveryListsCheckEnded_IsNeverSent()
    {
        // Two lists of one zone (ZEN read as SBL and XBL) share one question; it is given up only when both lookups are.
        await using var client = Client(new DnsList("zen.example") { Name = "sbl" }, new DnsList("zen.example") { Name = "xbl" });
        var dead = Enumerable.Range(1, 6).Select(i => client.CheckAsync(Address(0, i)).AsTask()).ToArray();
        var firstHeld = await ReadHeldAsync();
        var secondHeld = await ReadHeldAsync();
        _time.Advance(Deadline);
        await Task.WhenAll(dead).WaitAsync(Patient);

        _blackHole = false;
        firstHeld.Reply(ResponderExchange.AnswerA(firstHeld.Query, "127.0.0.2"));
        secondHeld.Reply(ResponderExchange.AnswerA(secondHeld.Query, "127.0.0.2"));
        var fresh = await client.CheckAsync(Address(1, 1)).AsTask().WaitAsync(Patient);

        Assert.All(fresh.Lists, outcome => Assert.Equal(ListOutcomeKind.Listed, outcome.Kind));
        // Of the six dead addresses only the two held questions were sent. The fresh check's two lists share one
        // question only while it is in flight: one preempted between its two lookups (a loaded machine) asks twice.
        Assert.Equal(2, _asked.Count(name => name.Contains(".0.0.10.", StringComparison.Ordinal)));
        Assert.InRange(_server.UdpQueries, 3, 4);
    }

    [Fact]
    public async Task CheckAsync_OneOfTwoChecksOfALookupCancelled_LookupStaysQueuedAndAnswersTheOther()
    {
        await using var client = Client(new DnsList("bl.example"));
        var holding = Enumerable.Range(1, 2).Select(i => client.CheckAsync(Address(0, i)).AsTask()).ToArray();
        var firstHeld = await ReadHeldAsync();
        var secondHeld = await ReadHeldAsync();
        using var cancel = new CancellationTokenSource();
        var cancelled = client.CheckAsync(Address(0, 3), cancel.Token).AsTask();
        var patient = client.CheckAsync(Address(0, 3)).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Patient));
        _blackHole = false;
        firstHeld.Reply(ResponderExchange.AnswerA(firstHeld.Query, "127.0.0.2"));
        secondHeld.Reply(ResponderExchange.AnswerA(secondHeld.Query, "127.0.0.2"));

        Assert.Equal(ListOutcomeKind.Listed, Assert.Single((await patient.WaitAsync(Patient)).Lists).Kind);
        await Task.WhenAll(holding).WaitAsync(Patient);
        Assert.Equal(3, _server.UdpQueries);
    }

    public async ValueTask DisposeAsync()
    {
        await _resolver.DisposeAsync();
        await _server.DisposeAsync();
    }

    private static IPAddress Address(int third, int fourth) => new([10, 0, (byte)third, (byte)fourth]);

    private DnsblClient Client(params DnsList[] lists)
    {
        var options = new DnsblOptions { Lists = lists, Deadline = Deadline };
        options.Health.Enabled = false;
        return new DnsblClient(options, _resolver, null, _time, null);
    }

    private async Task<ResponderExchange> ReadHeldAsync() => await _held.Reader.ReadAsync().AsTask().WaitAsync(Patient);
}

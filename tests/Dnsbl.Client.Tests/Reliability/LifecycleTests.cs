using System.Net;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Tests.Reliability;

/// <summary>Cancellation mid-flight, disposal while checks run, and concurrent use of the client and its health monitor.</summary>
[Collection(ProcessWideCountTests.Name)]
public sealed class LifecycleTests
{
    private const int InFlight = 100;

    // A burst of datagrams may overflow the server socket's buffer on a loaded machine; half held is plenty in flight.
    private const int HeldAtLeast = InFlight / 2;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task CheckAsync_CancelledWhileAnswersHeld_AllCancelPromptlyAndDescriptorsReturn()
    {
        await using var server = await StartAsync();
        var descriptorsBefore = Descriptors();
        var client = Client(server);
        server.Gate.Close();
        using var cancel = new CancellationTokenSource();
        var checks = Enumerable.Range(0, InFlight).Select(i => client.CheckAsync(Address(i), cancel.Token).AsTask()).ToArray();
        await server.Gate.WaitForHeldAsync(HeldAtLeast, CancellationToken.None).WaitAsync(Patience);

        await cancel.CancelAsync();

        foreach (var check in checks)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check.WaitAsync(Patience));
        }

        server.Gate.Open();
        await client.DisposeAsync();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.InRange(Descriptors(), 0, descriptorsBefore + 2);
    }

    [Fact]
    public async Task DisposeAsync_WhileChecksRun_OnlyResultsOrDisposedOrCancelled()
    {
        await using var server = await StartAsync();
        var client = Client(server);
        server.Gate.Close();
        var checks = Enumerable.Range(0, InFlight).Select(i => client.CheckAsync(Address(i)).AsTask()).ToArray();
        await server.Gate.WaitForHeldAsync(HeldAtLeast, CancellationToken.None).WaitAsync(Patience);

        var disposing = client.DisposeAsync().AsTask();
        var late = Enumerable.Range(0, 50).Select(i => Task.Run(() => client.CheckAsync(Address(i)).AsTask())).ToArray();
        server.Gate.Open();
        await disposing.WaitAsync(Patience);

        foreach (var check in checks.Concat(late))
        {
            try
            {
                var result = await check.WaitAsync(Patience);
                Assert.All(result.Lists, o => Assert.True(o.Kind != ListOutcomeKind.Error || o.Weight == 0));
            }
            catch (Exception exception) when (exception is ObjectDisposedException or OperationCanceledException)
            {
            }
        }
    }

    [Fact]
    public async Task DisposeAsync_WhileOneLookupIsHeld_TheCheckEndsAsDisposedNotAsTheListsFault()
    {
        await using var server = await StartAsync();
        var client = Client(server);
        server.Gate.Close();
        var check = client.CheckAsync(Address(1)).AsTask();
        await server.Gate.WaitForHeldAsync(1, CancellationToken.None).WaitAsync(Patience);

        await client.DisposeAsync().AsTask().WaitAsync(Patience);
        var result = await check.WaitAsync(Patience);

        var outcome = Assert.Single(result.Lists);
        Assert.Equal(ListOutcomeKind.Error, outcome.Kind);
        Assert.Equal(DnsblErrorKind.NetworkError, outcome.Error);
        Assert.Equal("the client was disposed", outcome.ErrorDetail);
        server.Gate.Open();
    }

    [Fact]
    public async Task CheckAsyncAndHealth_UsedFromManyThreads_ConsistentAnswers()
    {
        await using var server = await StartAsync();
        await using var client = Client(server, cache: true);
        var list = client.Lists[0].Name;

        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                var result = await client.CheckAsync(Address(i % 20));
                var expected = i % 20 == 2 ? ListOutcomeKind.Listed : ListOutcomeKind.NotListed;
                Assert.Equal(expected, Assert.Single(result.Lists).Kind);
                _ = client.Health.GetReport();
                if (w == 0 && i % 50 == 0)
                {
                    client.Health.ForceEnable(list);
                    client.Health.ClearOverride(list);
                }
            }
        })).ToArray();
        var probes = Enumerable.Range(0, 4).Select(_ => client.Health.ProbeAllAsync()).ToArray();

        await Task.WhenAll(workers).WaitAsync(Patience);
        var reports = await Task.WhenAll(probes).WaitAsync(Patience);
        Assert.All(reports, r => Assert.Single(r.Lists));
    }

    private static IPAddress Address(int i) => new([127, 0, (byte)(i >> 8), (byte)i]);

    // Sockets only: other descriptors change for reasons of their own (an assembly the runtime maps on first use).
    private static int Descriptors() =>
        new DirectoryInfo("/proc/self/fd").GetFiles().Count(f => f.LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true);

    private static Task<InProcessDnsServer> StartAsync() =>
        InProcessDnsServer.StartAsync(new ZoneSet().Add("bl.test", ZoneDatasetType.Ip4Set, ":127.0.0.2:Listed\n127.0.0.2\n"));

    private static DnsblClient Client(InProcessDnsServer server, bool cache = false)
    {
        var options = new DnsblOptions
        {
            Lists = [new DnsList("bl.test")],
            Nameservers = [$"127.0.0.1:{server.EndPoint.Port}"],
            AttemptTimeout = TimeSpan.FromSeconds(10),
            Attempts = 1,
            Deadline = TimeSpan.FromSeconds(15),
        };
        options.Health.Enabled = false;
        options.Cache.Enabled = cache;
        return new DnsblClient(options);
    }
}

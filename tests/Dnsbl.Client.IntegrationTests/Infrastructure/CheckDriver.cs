using System.Diagnostics;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.Resilience;

namespace Dnsbl.Client.IntegrationTests.Infrastructure;

/// <summary>Runs many checks with a bound on those in flight, and builds clients whose transport a test can watch.</summary>
internal static class CheckDriver
{
    /// <summary>Runs <paramref name="count"/> checks, at most <paramref name="inFlight"/> at once; each result with its wall time.</summary>
    public static async Task<(DnsblCheckResult Result, TimeSpan Elapsed)[]> RunAsync(int count, int inFlight, Func<int, ValueTask<DnsblCheckResult>> check, Action? onCompleted = null)
    {
        var results = new (DnsblCheckResult, TimeSpan)[count];
        var next = -1;

        async Task WorkerAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await check(i);
                results[i] = (result, Stopwatch.GetElapsedTime(started));
                onCompleted?.Invoke();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(WorkerAsync)));
        return results;
    }

    /// <summary>The 99th percentile of <paramref name="values"/> (nearest rank).</summary>
    public static TimeSpan Percentile99(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.99) - 1)];
    }

    /// <summary>A client over its own production transport (to read its counters) asking <paramref name="server"/>; disposing it closes both.</summary>
    public static WatchedClient Client(DnsblOptions options, System.Net.IPEndPoint server, bool useCaseRandomization = false)
    {
        var transport = new DnsTransport(TimeProvider.System);
        var stubOptions = new DnsStubResolverOptions([server], options.AttemptTimeout ?? TimeSpan.FromSeconds(1), options.Attempts ?? 2) { UseCaseRandomization = useCaseRandomization };
        var resolver = new FailoverResolver(new DnsStubResolver(stubOptions, transport), TimeProvider.System);
        return new WatchedClient(new DnsblClient(options, resolver, null, TimeProvider.System, null), transport, resolver);
    }

    /// <summary>10.0.x.y for check <paramref name="index"/> (x = index / 256), offset by <paramref name="block"/> in the second octet.</summary>
    public static System.Net.IPAddress Address(int index, int block = 0) => new([10, (byte)block, (byte)(index >> 8), (byte)index]);

    /// <summary>Sockets of this process (other descriptors change for reasons of their own).</summary>
    public static int OpenSockets() =>
        new DirectoryInfo("/proc/self/fd").GetFiles().Count(f => f.LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true);

    /// <summary>Threads of this process.</summary>
    public static int Threads() => Directory.GetDirectories("/proc/self/task").Length;

    /// <summary>Live managed memory after a full collection.</summary>
    public static long LiveManagedMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>A client and the transport under it; the client does not own a resolver it was given, so this disposes both.</summary>
internal sealed class WatchedClient(DnsblClient client, DnsTransport transport, IAsyncDisposable resolver) : IAsyncDisposable
{
    public DnsblClient Client { get; } = client;

    public DnsTransport Transport { get; } = transport;

    public void Deconstruct(out DnsblClient client, out DnsTransport transport) => (client, transport) = (Client, Transport);

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await resolver.DisposeAsync();
    }
}

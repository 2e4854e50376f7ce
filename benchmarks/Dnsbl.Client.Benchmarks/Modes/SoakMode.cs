using System.Diagnostics;
using System.Globalization;
using System.Net;
using Dnsbl.Client.Benchmarks.Client;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// <c>--soak [--minutes M] [--concurrency C]</c>: checks ever-new addresses (a quarter of them repeated, so the cache
/// and coalescing work) against ten in-process lists for M minutes and prints memory, descriptors and rate every 30 s.
/// Flat means the live memory after a full GC: without one, the figure is mostly garbage the GC has not yet needed to
/// collect (24 GiB here lets gen2 grow for minutes).
/// Not run in CI.
/// </summary>
internal static class SoakMode
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new ModeArguments(args);
        var duration = TimeSpan.FromMinutes(arguments.Number("minutes", 10));
        var concurrency = arguments.Integer("concurrency", 64);
        await using var fixture = await TenListFixture.StartAsync(cacheEnabled: true);
        using var stop = new CancellationTokenSource(duration);
        long checks = 0, incomplete = 0, next = 0;

        async Task WorkerAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                var index = n % 4 == 0 ? n / 4 % 1000 : n;
                var address = new IPAddress((long)(uint)System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((10u << 24) + (uint)(index & 0xFFFFFF)));
                var result = await fixture.Client.CheckAsync(address);
                Interlocked.Increment(ref checks);
                if (!result.IsComplete)
                {
                    Interlocked.Increment(ref incomplete);
                }
            }
        }

        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync)).ToArray();
        var clock = Stopwatch.StartNew();
        var lastChecks = 0L;
        using var timer = new PeriodicTimer(ReportEvery);
        while (await WaitAsync(timer, stop.Token))
        {
            // The in-process server counts queries per distinct name (for tests); over ever-new names that table,
            // not the client, grew by ~120 MB a minute.
            fixture.Server.ResetQueryCounts();
            var total = Interlocked.Read(ref checks);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{clock.Elapsed:hh\\:mm\\:ss} checks {total} ({(total - lastChecks) / ReportEvery.TotalSeconds:0}/s), incomplete {incomplete}, cached {fixture.Client.CachedAnswers}, managed {GC.GetTotalMemory(false) / (1024 * 1024)} MiB ({GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024)} MiB live after a full GC), working set {Environment.WorkingSet / (1024 * 1024)} MiB, fds {Directory.GetFiles("/proc/self/fd").Length}"));
            lastChecks = total;
        }

        await Task.WhenAll(workers);
        return 0;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

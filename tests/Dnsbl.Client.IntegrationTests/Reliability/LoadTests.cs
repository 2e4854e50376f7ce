using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Lists;
using Xunit.Abstractions;

namespace Dnsbl.Client.IntegrationTests.Reliability;

/// <summary>
/// 10,000 checks at once against a real rbldnsd: every one completes, descriptors and memory come back, no task
/// exception goes unobserved, and the cache never holds more than its size limit.
/// </summary>
[Collection(ProcessWideCountTests.Name)]
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Checks = 10_000;
    private const int CacheLimit = 256;
    private const string Data = ":127.0.0.2:Listed\n10.0.0.0/24\n127.0.0.2\n";

    [Fact]
    public async Task CheckAsync_TenThousandConcurrent_AllCompleteAndResourcesReturn()
    {
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            if (e.Exception.ToString().Contains("Dnsbl", StringComparison.Ordinal))
            {
                unobserved.Enqueue(e.Exception);
            }
        }

        await using var rbldnsd = await RbldnsdServer.StartAsync([new RbldnsdZone("bl.test", "ip4set", "bl.ip4set", Data)], CancellationToken.None);
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            var (fdBefore, memoryBefore) = Measure();
            var options = new DnsblOptions
            {
                Lists = [new DnsList("bl.test")],
                Nameservers = [$"127.0.0.1:{rbldnsd.EndPoint.Port}"],
                AttemptTimeout = TimeSpan.FromSeconds(2),
                Attempts = 3,
                Deadline = TimeSpan.FromSeconds(20),
            };
            options.Health.Enabled = false;
            options.Cache.SizeLimit = CacheLimit;
            var client = new DnsblClient(options);
            var watch = Stopwatch.StartNew();
            var checks = Enumerable.Range(0, Checks)
                .Select(i => client.CheckAsync(new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i])).AsTask())
                .ToArray();
            var (fdDuring, _) = (OpenSockets(), 0L);
            var results = await Task.WhenAll(checks).WaitAsync(TimeSpan.FromSeconds(90));
            watch.Stop();
            var cached = client.CachedAnswers;
            await client.DisposeAsync();
            checks = null;
            var (fdAfter, memoryAfter) = Measure();

            var outcomes = results.Select(r => Assert.Single(r.Lists)).ToArray();
            var listed = outcomes.Count(o => o.Kind == ListOutcomeKind.Listed);
            var errors = outcomes.Where(o => o.Kind == ListOutcomeKind.Error).GroupBy(o => o.Error).ToDictionary(g => g.Key, g => g.Count());
            output.WriteLine($"{Checks} checks in {watch.ElapsedMilliseconds} ms; listed {listed}; errors {string.Join(", ", errors)}");
            output.WriteLine($"sockets before {fdBefore}, during {fdDuring}, after {fdAfter}; managed memory before {memoryBefore / 1024} KiB, after {memoryAfter / 1024} KiB; cache {cached}/{CacheLimit}");

            Assert.Equal(Checks, results.Length);
            Assert.Equal(256, listed); // 10.0.0.0/24: exactly the first 256 inputs
            Assert.Empty(errors);
            Assert.True(cached <= CacheLimit, $"cache holds {cached} answers, limit {CacheLimit}");
            Assert.InRange(fdAfter, 0, fdBefore + 2);
            Assert.InRange(memoryAfter, 0, memoryBefore + (16L << 20));
            Assert.Empty(unobserved);
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    private static (int Descriptors, long Memory) Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return (OpenSockets(), GC.GetTotalMemory(forceFullCollection: true));
    }

    // Sockets only: other descriptors change for reasons of their own (an assembly the runtime maps on first use).
    private static int OpenSockets() =>
        new DirectoryInfo("/proc/self/fd").GetFiles().Count(f => f.LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true);
}

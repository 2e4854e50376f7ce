using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Redis;
using Xunit.Abstractions;

namespace Dnsbl.Client.IntegrationTests.Redis;

/// <summary>
/// redis-server is killed while checks run at a steady rate: every check still completes within its deadline with
/// every list answered (from DNS), the Redis meter counts the bypass, and sharing resumes once Redis is back.
/// </summary>
public sealed class RedisOutageTests(ITestOutputHelper output)
{
    private const string Zone = "outage.test";
    private const int Checks = 6_000;
    private const int PerTick = 50; // 50 checks every 10 ms: 5,000 checks/s
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SchedulingGrace = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task CheckAsync_RedisKilledUnderLoad_NoCheckLostOrLateAndSharingResumes()
    {
        await using var rbldnsd = await RbldnsdServer.StartAsync([new RbldnsdZone(Zone, "ip4set", "outage.ip4set", ":127.0.0.2:Listed\n10.1.0.0/16\n127.0.0.2\n")], CancellationToken.None);
        await using var redis = await RedisServer.StartAsync(CancellationToken.None);
        var bypassed = new ConcurrentDictionary<string, long>();
        using var listener = ListenTo("dnsbl.redis.bypassed", bypassed);
        var redisOptions = new DnsblRedisOptions { Configuration = redis.Configuration, BreakDuration = TimeSpan.FromSeconds(1) };
        await using var connection = await DnsblRedisConnection.ConnectAsync(redisOptions);
        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Multiplexer.ConnectionRestored += (_, _) => restored.TrySetResult();
        await using var client = new DnsblClient(Options(rbldnsd), connection.Sharing);

        var checks = new List<Task<DnsblCheckResult>>(Checks);
        using (var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(10)))
        {
            while (checks.Count < Checks && await ticks.WaitForNextTickAsync())
            {
                for (var i = 0; i < PerTick; i++)
                {
                    var n = checks.Count;
                    checks.Add(client.CheckAsync(new IPAddress([10, 1, (byte)(n >> 8), (byte)n])).AsTask());
                }

                if (checks.Count == Checks / 3)
                {
                    output.WriteLine($"redis-server killed after {checks.Count} checks: {await redis.StopAsync()}");
                }
            }
        }

        var results = await Task.WhenAll(checks).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.All(results, r => Assert.True(r.IsComplete, $"{r.Input}: {string.Join("; ", r.Lists)}"));
        // A check past its deadline is incomplete (asserted above); a complete one can still be concluded a little after
        // it when its continuation waits for a thread on a loaded machine, which is scheduling, not a late lookup.
        Assert.All(results, r => Assert.True(r.Elapsed <= Deadline + SchedulingGrace, $"{r.Input} took {r.Elapsed}"));
        Assert.All(results, r => Assert.Equal(ListOutcomeKind.Listed, r.Lists[0].Kind));
        output.WriteLine($"bypassed: {string.Join(", ", bypassed.Select(p => $"{p.Key}={p.Value}"))}; slowest check {results.Max(r => r.Elapsed).TotalMilliseconds:0} ms");
        Assert.True(bypassed.Values.Sum() > 0, "the Redis meter counted no bypass");

        await redis.RestartAsync(CancellationToken.None);
        await restored.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(await SharingResumesAsync(client, rbldnsd, redisOptions), "an answer written after the restart never reached another client");
    }

    // After the restart (and the breaker's trial), an answer one client writes is read by another client's first check.
    private static async Task<bool> SharingResumesAsync(DnsblClient writer, RbldnsdServer rbldnsd, DnsblRedisOptions redisOptions)
    {
        await using var otherConnection = await DnsblRedisConnection.ConnectAsync(redisOptions);
        await using var reader = new DnsblClient(Options(rbldnsd), otherConnection.Sharing);
        var watch = Stopwatch.StartNew();
        // The reader asks for the address the writer checked one round earlier: the write behind it has had a
        // whole round trip to land. Until the writer's breaker has let its trial through, nothing is written.
        await writer.CheckAsync(Fresh(0));
        for (var n = 1; n < 250 && watch.Elapsed < TimeSpan.FromSeconds(20); n++)
        {
            await writer.CheckAsync(Fresh(n));
            if ((await reader.CheckAsync(Fresh(n - 1))).Lists[0].FromCache)
            {
                return true;
            }
        }

        return false;
    }

    private static IPAddress Fresh(int n) => new([10, 1, 200, (byte)n]);

    private static DnsblOptions Options(RbldnsdServer rbldnsd)
    {
        var options = new DnsblOptions
        {
            Lists = [new DnsList(Zone)],
            Nameservers = [$"127.0.0.1:{rbldnsd.EndPoint.Port}"],
            AttemptTimeout = TimeSpan.FromSeconds(1),
            Attempts = 3,
            Deadline = Deadline,
        };
        options.Health.Enabled = false;
        return options;
    }

    private static MeterListener ListenTo(string instrument, ConcurrentDictionary<string, long> counts)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == "Dnsbl.Client.Redis" && i.Name == instrument)
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                counts.AddOrUpdate((string)tag.Value!, value, (_, v) => v + value);
            }
        });
        listener.Start();
        return listener;
    }
}

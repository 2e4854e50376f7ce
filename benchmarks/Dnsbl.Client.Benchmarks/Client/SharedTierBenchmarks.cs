using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Redis;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Zones;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Dnsbl.Client.Benchmarks.Client;

/// <summary>
/// The shared (Redis) tier against a real redis-server on loopback, ten lists: what a check answered by Redis costs
/// (the in-process cache off, so every check is one MGET), next to cold checks (DNS) and in-process hits, one at a time
/// and 256 at once; and the L2 read itself through StackExchange.Redis (one MGET of ten keys) against HybridCache over
/// the StackExchange.Redis IDistributedCache (its local cache off: ten reads).
/// </summary>
[MemoryDiagnoser]
public class SharedTierBenchmarks
{
    private const int Lists = 10;
    private const int Concurrent = 256;
    private readonly IPAddress[] _addresses = [.. Enumerable.Range(0, Concurrent).Select(i => new IPAddress([10, 9, (byte)(i >> 8), (byte)i]))];
    private readonly Task<DnsblCheckResult>[] _checks = new Task<DnsblCheckResult>[Concurrent];
    private readonly RedisKey[] _rawKeys = new RedisKey[Lists];
    private Process? _redis;
    private InProcessDnsServer? _server;
    private DnsblRedisConnection? _connection;
    private DnsblClient? _sharedOnly;
    private DnsblClient? _cold;
    private DnsblClient? _inProcess;
    private ServiceProvider? _hybridServices;
    private HybridCache? _hybrid;
    private IDatabase? _database;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var port = FreePort();
        _redis = Process.Start(new ProcessStartInfo("/usr/bin/redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --loglevel warning") { UseShellExecute = false, RedirectStandardOutput = true })!;
        var zones = new ZoneSet();
        var lists = new List<DnsList>();
        for (var i = 0; i < Lists; i++)
        {
            zones.Add($"bl{i}.shared.test", ZoneDatasetType.Ip4Set, i < 2 ? "10.9.0.0/16\n" : "10.8.0.0/16\n");
            lists.Add(new DnsList($"bl{i}.shared.test"));
        }

        _server = await InProcessDnsServer.StartAsync(zones, new InProcessDnsServerOptions { EnableTcp = false });
        for (var attempt = 0; _connection is null || !_connection.Multiplexer.IsConnected; attempt++)
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                await Task.Delay(100);
            }

            _connection = await DnsblRedisConnection.ConnectAsync(new DnsblRedisOptions { Configuration = $"127.0.0.1:{port}" });
        }

        _cold = Client(lists, cache: false, shared: null);
        _sharedOnly = Client(lists, cache: false, shared: _connection.Sharing);
        _inProcess = Client(lists, cache: true, shared: null);
        await using (var writer = Client(lists, cache: true, shared: _connection.Sharing))
        {
            await Task.WhenAll(_addresses.Select(a => writer.CheckAsync(a).AsTask()));
        }

        await Task.WhenAll(_addresses.Select(a => _inProcess.CheckAsync(a).AsTask()));
        _database = _connection.Multiplexer.GetDatabase();
        var shared = await _sharedOnly.CheckAsync(_addresses[0]);
        if (!shared.Lists.All(o => o.FromCache))
        {
            throw new InvalidOperationException("the shared tier did not answer the warm-up check");
        }

        var keys = new RedisKeys("bench:");
        for (var i = 0; i < Lists; i++)
        {
            _rawKeys[i] = keys.AnswerKey(new Caching.SharedAnswerKey(lists[i].Zone, "0.0.9.10"));
            await _database.StringSetAsync(_rawKeys[i], new byte[24], TimeSpan.FromHours(1));
        }

        var services = new ServiceCollection();
        services.AddStackExchangeRedisCache(o => o.Configuration = $"127.0.0.1:{port}");
        services.AddHybridCache();
        _hybridServices = services.BuildServiceProvider();
        _hybrid = _hybridServices.GetRequiredService<HybridCache>();
        foreach (var key in _rawKeys)
        {
            await _hybrid.SetAsync(key.ToString(), new byte[24], new HybridCacheEntryOptions { Expiration = TimeSpan.FromHours(1), Flags = HybridCacheEntryFlags.DisableLocalCache });
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var client in new[] { _cold, _sharedOnly, _inProcess })
        {
            client?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _hybridServices?.Dispose();
        _connection?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _redis?.Kill();
        _redis?.WaitForExit();
    }

    [Benchmark(Baseline = true)]
    public async Task<DnsblCheckResult> ColdCheck() => await _cold!.CheckAsync(_addresses[0]);

    [Benchmark]
    public async Task<DnsblCheckResult> SharedTierCheck() => await _sharedOnly!.CheckAsync(_addresses[0]);

    [Benchmark]
    public async Task<DnsblCheckResult> InProcessCacheCheck() => await _inProcess!.CheckAsync(_addresses[0]);

    [Benchmark(OperationsPerInvoke = Concurrent)]
    public Task ColdChecks256Concurrent() => RunConcurrent(_cold!);

    [Benchmark(OperationsPerInvoke = Concurrent)]
    public Task SharedTierChecks256Concurrent() => RunConcurrent(_sharedOnly!);

    [Benchmark(OperationsPerInvoke = Concurrent)]
    public Task InProcessCacheChecks256Concurrent() => RunConcurrent(_inProcess!);

    [Benchmark]
    public async Task<int> StackExchangeRedisMgetTenKeys() => (await _database!.StringGetAsync(_rawKeys)).Length;

    [Benchmark]
    public async Task<int> HybridCacheTenReads()
    {
        var options = new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableLocalCache | HybridCacheEntryFlags.DisableUnderlyingData };
        // Issued together, as a check's ten lists would be: the multiplexer pipelines them.
        var reads = new Task<byte[]?>[Lists];
        for (var i = 0; i < Lists; i++)
        {
            reads[i] = _hybrid!.GetOrCreateAsync<byte[]?>(_rawKeys[i].ToString(), static _ => ValueTask.FromResult<byte[]?>(null), options).AsTask();
        }

        return (await Task.WhenAll(reads)).Count(r => r is not null);
    }

    private async Task RunConcurrent(DnsblClient client)
    {
        for (var i = 0; i < Concurrent; i++)
        {
            _checks[i] = client.CheckAsync(_addresses[i]).AsTask();
        }

        await Task.WhenAll(_checks);
    }

    private DnsblClient Client(List<DnsList> lists, bool cache, DnsblSharing? shared)
    {
        var options = new DnsblOptions { Lists = lists, Nameservers = [_server!.EndPoint.ToString()] };
        options.Health.Enabled = false;
        options.Cache.Enabled = cache;
        options.Cache.MinimumTtl = options.Cache.MaximumTtl;
        return shared is null ? new DnsblClient(options) : new DnsblClient(options, shared);
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}

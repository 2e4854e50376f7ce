using System.Net;
using BenchmarkDotNet.Attributes;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Benchmarks.Client;

/// <summary>
/// The check layer alone on a cache miss: the client over a resolver that holds every answer until the benchmark
/// releases them, and allocates nothing itself. Allocations are the check layer's and the per-list pipelines'
/// (no sockets, no server), so changes to the cold path show here before they drown in the loopback benchmark's noise.
/// </summary>
[MemoryDiagnoser]
public class ColdCheckLayerBenchmarks
{
    private readonly IPAddress _address = IPAddress.Parse("127.0.0.2");
    private HeldResolver? _resolver;
    private DnsblClient? _client;

    /// <summary>How many lists each check asks.</summary>
    [Params(1, 10)]
    public int Lists { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var lists = Enumerable.Range(0, Lists).Select(i => new DnsList($"bl{i}.bench.test")).ToArray();
        _resolver = new HeldResolver(lists.Select((l, i) => (l.Zone, Listed: i < 2)));
        var options = new DnsblOptions { Lists = lists };
        options.Health.Enabled = false;
        options.Cache.Enabled = false;
        _client = new DnsblClient(options, _resolver, null, null, null);
    }

    [GlobalCleanup]
    public void Cleanup() => _client?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<DnsblCheckResult> ColdCheckHeldAnswers()
    {
        var check = _client!.CheckAsync(_address);
        _resolver!.ReleaseAll();
        return await check;
    }
}

using System.Net;
using BenchmarkDotNet.Attributes;

namespace Dnsbl.Client.Benchmarks.Client;

/// <summary>
/// One IP against ten lists, every answer cached: the hot path of a mail server. Target ≤ 1 µs and nothing allocated
/// beyond the result, its outcomes array and the input's display string.
/// </summary>
[MemoryDiagnoser]
public class CachedCheckBenchmarks
{
    private readonly IPAddress _address = IPAddress.Parse("127.0.0.2");
    private TenListFixture? _fixture;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = TenListFixture.StartAsync(cacheEnabled: true).GetAwaiter().GetResult();
        var warm = _fixture.Client.CheckAsync(_address).AsTask().GetAwaiter().GetResult();
        if (!warm.IsComplete)
        {
            throw new InvalidOperationException("the warm-up check did not complete");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public DnsblCheckResult CheckTenListsCached()
    {
        var pending = _fixture!.Client.CheckAsync(_address);
        return pending.IsCompletedSuccessfully ? pending.Result : throw new InvalidOperationException("the cached check went to the network");
    }
}

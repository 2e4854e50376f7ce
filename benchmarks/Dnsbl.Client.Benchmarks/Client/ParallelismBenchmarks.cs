using System.Net;
using BenchmarkDotNet.Attributes;

namespace Dnsbl.Client.Benchmarks.Client;

/// <summary>Ten lists, each answer delayed 50 ms by the server: the check must take ≈ 50 ms (target ≤ 60 ms), not 500.</summary>
[MemoryDiagnoser]
public class ParallelismBenchmarks
{
    public static readonly TimeSpan ServerDelay = TimeSpan.FromMilliseconds(50);
    private readonly IPAddress _address = IPAddress.Parse("127.0.0.2");
    private TenListFixture? _fixture;

    [GlobalSetup]
    public void Setup() => _fixture = TenListFixture.StartAsync(cacheEnabled: false, ServerDelay).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _fixture?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<DnsblCheckResult> TenListsDelayed50Ms() => await _fixture!.Client.CheckAsync(_address);
}

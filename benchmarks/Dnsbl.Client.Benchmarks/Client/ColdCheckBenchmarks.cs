using System.Net;
using BenchmarkDotNet.Attributes;

namespace Dnsbl.Client.Benchmarks.Client;

/// <summary>
/// Checks that go to the in-process server over loopback UDP: one cold check (cache off), and 100 concurrent
/// identical checks through the full path where coalescing makes them share ten exchanges.
/// </summary>
[MemoryDiagnoser]
public class ColdCheckBenchmarks
{
    private const int ConcurrentChecks = 100;
    private readonly IPAddress _address = IPAddress.Parse("127.0.0.2");
    private readonly Task<DnsblCheckResult>[] _checks = new Task<DnsblCheckResult>[ConcurrentChecks];
    private TenListFixture? _fixture;

    [GlobalSetup]
    public void Setup() => _fixture = TenListFixture.StartAsync(cacheEnabled: false).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _fixture?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<DnsblCheckResult> ColdCheckTenLists() => await _fixture!.Client.CheckAsync(_address);

    [Benchmark(OperationsPerInvoke = ConcurrentChecks)]
    public async Task HundredIdenticalChecksCoalesced()
    {
        for (var i = 0; i < ConcurrentChecks; i++)
        {
            _checks[i] = _fixture!.Client.CheckAsync(_address).AsTask();
        }

        await Task.WhenAll(_checks);
    }
}

using BenchmarkDotNet.Attributes;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Resilience;

namespace Dnsbl.Client.Benchmarks.Client;

/// <summary>
/// What a list's circuit breaker adds to one lookup whose answer arrives after the lookup started (the lookup
/// suspends and resumes, as against a real server): the resolver alone, then the same with the breaker entered and
/// told the result, as the client's lookup does.
/// </summary>
[MemoryDiagnoser]
public class ListBreakerBenchmarks
{
    private static readonly DnsQuestion Question = new("2.0.0.127.bl.bench.test", DnsRecordType.A);
    private readonly HeldResolver _resolver = new([("bl.bench.test", true)]);
    private readonly ListCircuitBreaker _breaker = new(TimeProvider.System);

    [Benchmark(Baseline = true)]
    public async Task<int> ResolverAlone()
    {
        var lookup = _resolver.ResolveAsync(Question, CancellationToken.None);
        _resolver.ReleaseAll();
        return (int)(await lookup).Status;
    }

    [Benchmark]
    public async Task<int> ThroughListBreaker()
    {
        if (!_breaker.TryEnter(TimeProvider.System.GetTimestamp(), out var isTrial))
        {
            return -1;
        }

        var lookup = _resolver.ResolveAsync(Question, CancellationToken.None);
        _resolver.ReleaseAll();
        var result = await lookup;
        _breaker.Record(ListCircuitBreaker.Judge(result), TimeProvider.System.GetTimestamp(), isTrial);
        return (int)result.Status;
    }
}

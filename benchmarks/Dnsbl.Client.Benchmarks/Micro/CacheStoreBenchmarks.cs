using BenchmarkDotNet.Attributes;
using Dnsbl.Client.Caching;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Benchmarks.Micro;

/// <summary>
/// Storing answers of unique inputs in the answer cache: what a bulk run (<c>dnsbl check -f</c>, 100,000 distinct
/// addresses) pays per cold lookup on top of the exchange. One operation = 100,000 stores into an empty cache.
/// </summary>
[MemoryDiagnoser]
public class CacheStoreBenchmarks
{
    private const int Inputs = 100_000;
    private readonly DnsList _list = new("bl.bench.test");
    private string[] _keys = [];
    private ListOutcome[] _outcomes = [];
    private OutcomeCache? _cache;

    [GlobalSetup]
    public void Setup()
    {
        _keys = [.. Enumerable.Range(0, Inputs).Select(i => $"{i & 255}.{(i >> 8) & 255}.{(i >> 16) & 255}.10")];
        // Half listed, half not, as the throughput zone.
        _outcomes = [.. Enumerable.Range(0, Inputs).Select(i => new ListOutcome
        {
            List = _list,
            Input = _keys[i],
            QueryName = _keys[i] + ".bl.bench.test",
            Kind = i % 2 == 0 ? ListOutcomeKind.Listed : ListOutcomeKind.NotListed,
        })];
    }

    [IterationSetup]
    public void NewCache() => _cache = new OutcomeCache(1, new TtlPolicy(CachingConstants.MinimumTtl, CachingConstants.MaximumTtl), Inputs, TimeProvider.System);

    [Benchmark(OperationsPerInvoke = Inputs)]
    public void StoreUniqueAnswers()
    {
        var cache = _cache!;
        for (var i = 0; i < _keys.Length; i++)
        {
            cache.Set(0, _keys[i], _outcomes[i], TimeSpan.FromMinutes(5));
        }
    }
}

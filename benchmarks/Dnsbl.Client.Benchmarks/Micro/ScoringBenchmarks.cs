using BenchmarkDotNet.Attributes;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Benchmarks.Micro;

/// <summary>Scoring ten outcomes (two listed, one allow-list hit, one error) into a verdict.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private readonly DnsblThresholds _thresholds = new();
    private ListOutcome[] _outcomes = [];

    [GlobalSetup]
    public void Setup() => _outcomes = [.. Enumerable.Range(0, 10).Select(Outcome)];

    [Benchmark]
    public double Score() => Scorer.Score(_outcomes, _thresholds, ErrorPolicy.Exclude).Score;

    private static ListOutcome Outcome(int index) => index switch
    {
        0 or 1 => new ListOutcome { List = new DnsList($"bl{index}.test"), Input = "192.0.2.1", Kind = ListOutcomeKind.Listed, Weight = 2 },
        2 => new ListOutcome { List = new DnsList("wl.test", DnsListKind.IpAllowList), Input = "192.0.2.1", Kind = ListOutcomeKind.Listed, Weight = -1 },
        3 => new ListOutcome { List = new DnsList("err.test"), Input = "192.0.2.1", Kind = ListOutcomeKind.Error, Error = DnsblErrorKind.Timeout },
        _ => new ListOutcome { List = new DnsList($"nl{index}.test"), Input = "192.0.2.1", Kind = ListOutcomeKind.NotListed },
    };
}

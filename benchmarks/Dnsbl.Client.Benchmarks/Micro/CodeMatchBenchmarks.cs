using System.Net;
using BenchmarkDotNet.Attributes;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Benchmarks.Micro;

/// <summary>Return-code matching: the default rule, and a postscreen-style list of weighted filters.</summary>
[MemoryDiagnoser]
public class CodeMatchBenchmarks
{
    private readonly DnsList _plain = new("bl.test");
    private readonly DnsList _weighted = new("zen.test")
    {
        Rules =
        [
            new ReturnCodeRule(ReturnCodeFilter.Parse("127.0.0.[2..3]"), 3),
            new ReturnCodeRule(ReturnCodeFilter.Parse("127.0.0.[4..7]"), 2),
            new ReturnCodeRule(ReturnCodeFilter.Parse("127.0.0.[10;11]"), -1),
        ],
    };

    private readonly IPAddress[] _codes = [IPAddress.Parse("127.0.0.4"), IPAddress.Parse("127.0.0.10")];

    [Benchmark]
    public double DefaultRule() => CodeMatcher.Match(_plain, _codes).Weight;

    [Benchmark]
    public double WeightedFilters() => CodeMatcher.Match(_weighted, _codes).Weight;
}

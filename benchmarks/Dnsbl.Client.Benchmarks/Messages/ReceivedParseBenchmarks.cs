using BenchmarkDotNet.Attributes;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Benchmarks.Messages;

/// <summary>
/// Issue 15 part 7: one Received header parsed (<see cref="ReceivedHeaderParser.Parse"/>), for each of the sample
/// message's five shapes (Postfix, Exim, Microsoft 365, qmail, qmail local step). Target: ≤ 1 µs for a common shape.
/// </summary>
[MemoryDiagnoser]
public class ReceivedParseBenchmarks
{
    private static readonly string[] Headers = ReceivedSamples.Sample();

    /// <summary>Which of the sample's headers, newest first.</summary>
    [Params(0, 1, 2, 3, 4)]
    public int Header { get; set; }

    [Benchmark]
    public bool Parse() => ReceivedHeaderParser.Parse(Headers[Header], out _) == ReceivedParseKind.Relay;
}

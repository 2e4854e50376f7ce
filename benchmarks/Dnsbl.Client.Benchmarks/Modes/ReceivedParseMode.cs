using System.Diagnostics;
using System.Globalization;
using Dnsbl.Client.Benchmarks.Messages;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// <c>--received [--rounds R] [--batch B] [--passes P] [--declined] [--warm-up-seconds W] [--loop-seconds S] [--header N --iterations K]</c>: Received-header parsing alone, per header: each of the sample message's
/// five headers, and every Received header of the corpus (median over R rounds of B parses of the whole set), with the
/// bytes allocated per header. Seconds where BenchmarkDotNet (<see cref="ReceivedParseBenchmarks"/>) takes minutes.
/// </summary>
internal static class ReceivedParseMode
{
    public static int Run(string[] args)
    {
        var arguments = new ModeArguments(args);
        var rounds = arguments.Integer("rounds", 15);
        var batch = arguments.Integer("batch", 2000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average {File.ReadAllText("/proc/loadavg").Trim()}"));
        var corpus = ReceivedSamples.Corpus(arguments.Text("corpus") ?? CorpusMessages.DefaultDirectory());
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < arguments.Number("warm-up-seconds", 3))
        {
            ParseAll(corpus); // tiered JIT: methods are recompiled optimised only after a delay, longer on a busy machine
            ParseAll(ReceivedSamples.Sample());
        }

        if (arguments.Text("header") is { } only)
        {
            // For a counter (perf stat -e instructions): one sample header, --iterations times after the warm-up.
            string[] one = [ReceivedSamples.Sample()[int.Parse(only, CultureInfo.InvariantCulture)]];
            for (var i = arguments.Integer("iterations", 1_000_000); i > 0; i--)
            {
                ParseAll(one);
            }

            return 0;
        }

        foreach (var header in Enumerable.Repeat(ReceivedSamples.Sample(), arguments.Integer("passes", 1)).SelectMany(headers => headers))
        {
            var (median, cpu, bytes) = Measure([header], rounds, batch);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{median * 1000,8:0} ns wall {cpu * 1000,8:0} ns thread CPU {bytes,6:0} B  {header[..Math.Min(60, header.Length)].ReplaceLineEndings(" ")}"));
        }

        var (corpusMedian, corpusCpu, corpusBytes) = Measure(corpus, rounds, Math.Max(1, batch / 50));
        var common = corpus.Count(ReceivedHeaderParser.ReadsAsCommonShape);
        if (arguments.Has("declined"))
        {
            // The relays the common-shape reader leaves to the rules: candidates for a new shape.
            foreach (var header in corpus.Where(header => !ReceivedHeaderParser.ReadsAsCommonShape(header) && ReceivedHeaderParser.Parse(header, out _) == ReceivedParseKind.Relay))
            {
                Console.WriteLine("  declined: " + ReceivedHeaderParser.CollapseWhiteSpace(header).Trim());
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus {corpus.Length} headers ({common} read as a common shape): {corpusMedian * 1000:0} ns wall, {corpusCpu * 1000:0} ns thread CPU per header (median round), {corpusBytes:0} B per header"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average {File.ReadAllText("/proc/loadavg").Trim()}"));
        if (arguments.Text("loop-seconds") is { } seconds)
        {
            // For a profiler: the corpus headers (or with --sample, the sample's) over and over.
            var looped = arguments.Has("sample") ? ReceivedSamples.Sample() : corpus;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < double.Parse(seconds, CultureInfo.InvariantCulture))
            {
                Measure(looped, 1, 10);
            }
        }

        return 0;
    }

    private static (double MedianMicroseconds, double CpuMicroseconds, double BytesPerHeader) Measure(string[] headers, int rounds, int batch)
    {
        var sink = 0;
        for (var i = 0; i < batch; i++)
        {
            sink += ParseAll(headers); // JIT tiers
        }

        var times = new double[rounds];
        var cpuTimes = new double[rounds];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < rounds; round++)
        {
            var start = Stopwatch.GetTimestamp();
            var cpuStart = ThreadCpuClock.Microseconds();
            for (var i = 0; i < batch; i++)
            {
                sink += ParseAll(headers);
            }

            times[round] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / batch / headers.Length;
            cpuTimes[round] = (ThreadCpuClock.Microseconds() - cpuStart) / batch / headers.Length;
        }

        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)(rounds * batch * headers.Length);
        GC.KeepAlive(sink);
        Array.Sort(times);
        Array.Sort(cpuTimes);
        return (times[rounds / 2], cpuTimes[rounds / 2], bytes);
    }

    private static int ParseAll(string[] headers)
    {
        var relays = 0;
        foreach (var header in headers)
        {
            relays += ReceivedHeaderParser.Parse(header, out _) == ReceivedParseKind.Relay ? 1 : 0;
        }

        return relays;
    }
}

using System.Diagnostics;
using System.Globalization;
using Dnsbl.Client.Benchmarks.Messages;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// <c>--message-plan [--corpus DIR] [--rounds R] [--batch B] [--warmup-seconds S]</c>: parse + key planning per message, as
/// <see cref="MessagePlanBenchmarks"/> does, for the 20 KB and 4 KB samples and every message of the corpus (default:
/// the SpamAssassin-oracle corpus). Per message: the median over R rounds of B parses each, and the bytes allocated
/// per KB of message. Also the loop to profile (seconds, where BenchmarkDotNet takes minutes).
/// </summary>
/// <remarks>
/// Every message is first parsed over and over for S seconds (<see cref="JitWarmUp"/>). The figure still depends on what
/// the JIT's profile saw: warmed on the 20 KB sample alone (--message-plan-ab, BenchmarkDotNet) the same call takes
/// 92–111 µs, warmed on the samples and the corpus together 146 µs (session 9).
/// </remarks>
internal static class MessagePlanMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new ModeArguments(args);
        var rounds = arguments.Integer("rounds", 15);
        var batch = arguments.Integer("batch", 200);
        var corpus = arguments.Text("corpus") ?? CorpusMessages.DefaultDirectory();
        var lists = MessagePlanBenchmarks.DefaultLists();
        byte[][] warmUpMessages = [SampleMessage.Build(20 * 1024), SampleMessage.Build(4 * 1024), .. CorpusMessages.Files(corpus).Select(File.ReadAllBytes)];
        await JitWarmUp.RunAsync(JitWarmUp.Seconds(arguments), minimumRounds: 0, async () =>
        {
            foreach (var message in warmUpMessages)
            {
                await MessagePlanBenchmarks.ParseAndPlanAsync(message, lists);
            }
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average {File.ReadAllText("/proc/loadavg").Trim()}"));
        foreach (var size in new[] { 20, 4 })
        {
            var sample = SampleMessage.Build(size * 1024);
            var (median, fastestRound, bytes, cpu) = await MeasureAsync(sample, lists, rounds, batch);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sample {size} KB: median {median:0.0} µs wall (fastest round {fastestRound:0.0}), {cpu:0.0} µs process CPU (GC threads included), {bytes / 1024:0} KB allocated ({bytes / sample.Length * 1024:0} B per KB)"));
        }

        var medians = new List<double>();
        double totalCpu = 0;
        var perKb = new List<double>();
        long totalBytes = 0;
        double totalAllocated = 0;
        foreach (var file in CorpusMessages.Files(corpus))
        {
            var message = await File.ReadAllBytesAsync(file);
            var (median, _, bytes, cpu) = await MeasureAsync(message, lists, rounds, Math.Max(1, batch / 2));
            medians.Add(median);
            totalCpu += cpu;
            perKb.Add(bytes / message.Length * 1024);
            totalBytes += message.Length;
            totalAllocated += bytes;
            if (arguments.Has("verbose"))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Path.GetFileName(file)} {message.Length} B: {median:0.0} µs, {bytes:0} B"));
            }
        }

        medians.Sort();
        perKb.Sort();
        if (medians.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"corpus {medians.Count} messages ({totalBytes / (double)medians.Count / 1024:0.0} KB mean): per-message median {Median(medians):0.0} µs (min {medians[0]:0.0}, p90 {medians[(int)(medians.Count * 0.9)]:0.0}, max {medians[^1]:0.0}); mean process CPU {totalCpu / medians.Count:0.0} µs; allocated {totalAllocated / totalBytes * 1024:0} B per KB overall (per-message median {Median(perKb):0})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average {File.ReadAllText("/proc/loadavg").Trim()}"));
        if (arguments.Has("allocations"))
        {
            // Which types the bytes go to (runtime allocation ticks, one per ~100 KB), over the corpus and the 20 KB sample.
            using var sampler = new AllocationSampler();
            sampler.Start();
            var messages = CorpusMessages.Files(corpus).Select(File.ReadAllBytes).Append(SampleMessage.Build(20 * 1024)).ToArray();
            for (var i = 0; i < 200; i++)
            {
                foreach (var message in messages)
                {
                    await MessagePlanBenchmarks.ParseAndPlanAsync(message, lists);
                }
            }

            foreach (var (type, share) in sampler.Stop().Take(25))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {share,6:P1} {type}"));
            }
        }

        if (arguments.Text("loop-seconds") is { } seconds)
        {
            // For a profiler: the 20 KB sample over and over.
            var sample = SampleMessage.Build(20 * 1024);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < double.Parse(seconds, CultureInfo.InvariantCulture))
            {
                await MeasureAsync(sample, lists, 1, batch);
            }
        }

        return 0;
    }

    // FastestMicroseconds: the fastest round; on a shared machine, the least disturbed figure to compare builds by.
    private static async Task<(double MedianMicroseconds, double FastestMicroseconds, double BytesPerMessage, double CpuMicroseconds)> MeasureAsync(byte[] message, IReadOnlyList<Lists.DnsList> lists, int rounds, int batch)
    {
        for (var i = 0; i < batch; i++)
        {
            await MessagePlanBenchmarks.ParseAndPlanAsync(message, lists); // JIT tiers
        }

        var times = new double[rounds];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var round = 0; round < rounds; round++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < batch; i++)
            {
                await MessagePlanBenchmarks.ParseAndPlanAsync(message, lists);
            }

            times[round] = Stopwatch.GetElapsedTime(start).TotalMicroseconds / batch;
        }

        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)(rounds * batch);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / (rounds * batch);
        Array.Sort(times);
        return (Median(times), times[0], bytes, cpu);
    }

    private static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

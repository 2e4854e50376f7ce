using System.Diagnostics;
using System.Globalization;
using Dnsbl.Client.Benchmarks.Messages;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// <c>--message-plan-ab BASE_DIR [--seconds S] [--batch B] [--sample-kb K | --corpus DIR]</c>: parse + plan of the same
/// messages by two builds in one process, in alternating batches (the base build from BASE_DIR, the other from this
/// program's own folder), each loaded into its own context. On a shared machine two runs minutes apart see different
/// loads; alternating batches in one process see the same one. Reports per build the wall time per message (p10, p25,
/// median), the thread's CPU time per message and the bytes allocated per message, and the ratios.
/// </summary>
/// <remarks>
/// A garbage collection lands in whichever batch triggers it, so a build that allocates more can push some of its cost
/// onto the other: read the wall p10 (batches without a collection) and the allocation beside the medians.
/// </remarks>
internal static class InterleavedPlanMode
{
    private const int WarmUpRounds = 600;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: --message-plan-ab BASE_DIR [--seconds S] [--batch B] [--sample-kb K | --corpus DIR]");
            return 2;
        }

        var arguments = new ModeArguments(args[1..]);
        var seconds = arguments.Number("seconds", 40);
        var batch = arguments.Integer("batch", 5);
        var messages = arguments.Text("corpus") is { } corpus
            ? CorpusMessages.Files(corpus).Select(File.ReadAllBytes).ToArray()
            : [SampleMessage.Build(arguments.Integer("sample-kb", 20) * 1024)];
        var builds = new[] { new BuildUnderTest(args[0]), new BuildUnderTest(AppContext.BaseDirectory) };
        foreach (var build in builds)
        {
            for (var round = 0; round < WarmUpRounds; round++)
            {
                await RunBatchAsync(build, messages, 1);
            }
        }

        var samples = new[] { new Samples(), new Samples() };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (var side = 0; side < builds.Length; side++)
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var cpu = ThreadCpuClock.Microseconds();
                var start = Stopwatch.GetTimestamp();
                await RunBatchAsync(builds[side], messages, batch);
                var count = (double)batch * messages.Length;
                samples[side].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / count, (ThreadCpuClock.Microseconds() - cpu) / count, (GC.GetAllocatedBytesForCurrentThread() - bytes) / count);
            }
        }

        Report("base", builds[0], samples[0]);
        Report("this", builds[1], samples[1]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"this/base: wall p10 {samples[1].Wall(0.1) / samples[0].Wall(0.1):0.000}, wall median {samples[1].Wall(0.5) / samples[0].Wall(0.5):0.000}, thread CPU median {samples[1].Cpu(0.5) / samples[0].Cpu(0.5):0.000}, allocation {samples[1].Bytes(0.5) / samples[0].Bytes(0.5):0.000}; {messages.Length} message(s) of {messages.Average(m => m.Length) / 1024:0.0} KB mean; load average {File.ReadAllText("/proc/loadavg").Trim()}"));
        return 0;
    }

    private static async Task RunBatchAsync(BuildUnderTest build, byte[][] messages, int batch)
    {
        for (var i = 0; i < batch; i++)
        {
            foreach (var message in messages)
            {
                await build.ParseAndPlanAsync(message);
            }
        }
    }

    private static void Report(string name, BuildUnderTest build, Samples samples) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name} ({build.Directory}): {samples.Count} batches; µs per message: wall p10 {samples.Wall(0.1):0.0}, p25 {samples.Wall(0.25):0.0}, median {samples.Wall(0.5):0.0}; thread CPU p10 {samples.Cpu(0.1):0.0}, median {samples.Cpu(0.5):0.0}; {samples.Bytes(0.5) / 1024:0.0} KB allocated"));

    // Per-message figures of every batch of one build, read as quantiles.
    private sealed class Samples
    {
        private readonly List<double> _wall = [];
        private readonly List<double> _cpu = [];
        private readonly List<double> _bytes = [];

        public int Count => _wall.Count;

        public void Add(double wall, double cpu, double bytes)
        {
            _wall.Add(wall);
            _cpu.Add(cpu);
            _bytes.Add(bytes);
        }

        public double Wall(double quantile) => Quantile(_wall, quantile);

        public double Cpu(double quantile) => Quantile(_cpu, quantile);

        public double Bytes(double quantile) => Quantile(_bytes, quantile);

        private static double Quantile(List<double> values, double quantile)
        {
            var sorted = values.Order().ToList();
            return sorted[(int)Math.Min(sorted.Count - 1, sorted.Count * quantile)];
        }
    }
}

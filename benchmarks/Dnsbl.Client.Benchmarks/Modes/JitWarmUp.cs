using System.Diagnostics;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// The warm-up of the console modes that time a workload (<c>--warmup-seconds S</c>, default 10): the workload runs until
/// the tiered JIT has finished its rewrites, whose background compiles otherwise run beside the measured rounds on this
/// 2-core machine (session 9: <c>--message-plan</c> with a 200-call warm-up read 190 µs for the 20 KB sample with 2–3×
/// more process CPU than wall time; 142 µs after 3 s, still with twice the CPU; 146 µs after 10 s, CPU equal to wall;
/// <c>--messages-cached</c> with two warm passes spent 876 µs of CPU per message at 571 µs of wall).
/// </summary>
internal static class JitWarmUp
{
    private const double DefaultSeconds = 10;

    /// <summary>The seconds of warm-up the mode's arguments ask for.</summary>
    public static double Seconds(ModeArguments arguments) => arguments.Number("warmup-seconds", DefaultSeconds);

    /// <summary>Runs <paramref name="round"/> at least <paramref name="minimumRounds"/> times and until <paramref name="seconds"/> have passed.</summary>
    public static async Task RunAsync(double seconds, int minimumRounds, Func<Task> round)
    {
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < minimumRounds || clock.Elapsed.TotalSeconds < seconds; done++)
        {
            await round();
        }
    }
}

using System.Runtime.InteropServices;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// This thread's CPU time (CLOCK_THREAD_CPUTIME_ID): on a machine shared with other builds, wall time mostly measures
/// waiting, while the thread's own CPU time moves only with the work done.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ThreadCpuTimeClock = 3;

    /// <summary>Microseconds of CPU this thread has used; NaN where the clock cannot be read.</summary>
    public static double Microseconds() =>
        ClockGetTime(ThreadCpuTimeClock, out var time) == 0 ? (time.Seconds * 1e6) + (time.Nanoseconds / 1e3) : double.NaN;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

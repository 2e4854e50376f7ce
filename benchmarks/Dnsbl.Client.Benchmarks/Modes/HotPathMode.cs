using System.Diagnostics;
using System.Globalization;
using System.Net;
using Dnsbl.Client.Benchmarks.Client;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// <c>--hotpath [--iterations N]</c>: a quick stand-in for <see cref="CachedCheckBenchmarks"/> (seconds, not minutes):
/// the mean time and the bytes allocated per check of one IP against ten lists, every answer cached.
/// </summary>
internal static class HotPathMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = new ModeArguments(args).Integer("iterations", 1_000_000);
        await using var fixture = await TenListFixture.StartAsync(cacheEnabled: true);
        var address = IPAddress.Parse("127.0.0.2");
        await fixture.Client.CheckAsync(address);
        for (var i = 0; i < 10_000; i++)
        {
            await fixture.Client.CheckAsync(address); // warm up the JIT tiers
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var pending = fixture.Client.CheckAsync(address);
            if (!pending.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("the cached check went to the network");
            }
        }

        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)iterations;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cached check, 10 lists: {elapsed.TotalNanoseconds / iterations:0} ns wall, {cpu.TotalNanoseconds / iterations:0} ns CPU (the process's, on a shared machine), {bytes:0} bytes allocated per check (target <= 1000 ns; result {ResultBytes} B + outcomes array {ArrayBytes} B allowed)"));
        return 0;
    }

    // DnsblCheckResult (object header + 6 fields) and a ListOutcome[10] on 64-bit .NET.
    private const int ResultBytes = 64;
    private const int ArrayBytes = 24 + (10 * 8);
}

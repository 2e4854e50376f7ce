using System.Diagnostics;

namespace Dnsbl.Client.IntegrationTests.Benchmarks;

/// <summary>
/// Keeps the benchmarks project building and its console modes working, in seconds: the real runs (minutes) are
/// documented in benchmarks/README.md and never run in CI.
/// </summary>
public sealed class BenchmarkModesSmokeTests
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ThroughputMode_OneSecondAgainstInProcessServer_ReportsEveryStageWithoutLoss()
    {
        // Short warm-up slices: four stages of up to 12 slices each must fit in the run limit.
        var (exitCode, output) = await RunAsync("--throughput", "run", "--seconds", "1", "--warmup", "0.2", "--entries", "500", "--concurrency", "8");

        Assert.True(exitCode == 0, output);
        foreach (var stage in new[] { "transport:", "resolver:", "dnsclient:", "client:" })
        {
            Assert.Contains("\n" + stage, "\n" + output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MemoryMode_SmallCache_ReportsBytesPerEntry()
    {
        var (exitCode, output) = await RunAsync("--memory", "--entries", "10000");

        Assert.True(exitCode == 0, output);
        Assert.Contains("bytes per entry", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HotPathMode_FewIterations_ReportsTimeAndAllocation()
    {
        var (exitCode, output) = await RunAsync("--hotpath", "--iterations", "1000");

        Assert.True(exitCode == 0, output);
        Assert.Contains("bytes allocated per check", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(BenchmarksAssembly());
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        using var limit = new CancellationTokenSource(RunLimit);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var errors = process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await output + await errors);
    }

    // Built alongside this project (a build-order reference): benchmarks/Dnsbl.Client.Benchmarks/bin/<configuration>/<tfm>/.
    private static string BenchmarksAssembly()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Dnsbl.Client.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var path = Path.Combine(root.FullName, "benchmarks", "Dnsbl.Client.Benchmarks", "bin", configuration, framework, "Dnsbl.Client.Benchmarks.dll");
        Assert.True(File.Exists(path), $"the benchmarks are not built: {path}");
        return path;
    }
}

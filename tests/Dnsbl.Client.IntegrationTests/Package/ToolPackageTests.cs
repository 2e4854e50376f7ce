using System.Globalization;
using System.Text.Json;

namespace Dnsbl.Client.IntegrationTests.Package;

/// <summary>
/// Issue 17: the dnsbl tool as users install it — packed to a local feed, installed with <c>dotnet tool install
/// --tool-path … --add-source …</c> (no other package source), then run as a program of its own.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private static readonly TimeSpan DotnetTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);

    private readonly string _work = Directory.CreateTempSubdirectory("dnsbl-tool-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task PackedTool_InstalledFromLocalFeed_PrintsItsVersionAndRunsTheDemo()
    {
        // A version of its own per run: no package cache serves a stale copy of an earlier pack.
        var version = "0.1.0-tooltest." + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
        var feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        var tools = Path.Combine(_work, "tools");
        var root = RepositoryRoot();
        try
        {
            // Built under an artifacts path of its own: the repository's bin/obj (in use by other tests) stay untouched.
            await RunOkAsync(root, "pack", "src/Dnsbl.Cli", "-c", "Release", "--artifacts-path", Path.Combine(_work, "artifacts"), "-o", feed, $"-p:Version={version}");
            Assert.True(File.Exists(Path.Combine(feed, $"Dnsbl.Cli.{version}.nupkg")), $"no Dnsbl.Cli.{version}.nupkg in {feed}");

            // Only the local feed: a NuGet.config that clears every other source.
            var config = Path.Combine(_work, "NuGet.config");
            File.WriteAllText(config, """
                <?xml version="1.0" encoding="utf-8"?>
                <configuration><packageSources><clear /></packageSources></configuration>
                """);
            await RunOkAsync(_work, "tool", "install", "Dnsbl.Cli", "--tool-path", tools, "--add-source", feed, "--configfile", config, "--version", version);

            var dnsbl = Path.Combine(tools, OperatingSystem.IsWindows() ? "dnsbl.exe" : "dnsbl");
            var (versionExit, versionOutput) = await DotnetProcess.RunProgramAsync(dnsbl, _work, ToolTimeout, "--version");
            Assert.True(versionExit == 0, versionOutput);
            Assert.StartsWith(version, versionOutput.Trim(), StringComparison.Ordinal);

            var (demoExit, demoOutput) = await DotnetProcess.RunProgramAsync(dnsbl, _work, ToolTimeout, "demo", "--json");
            Assert.True(demoExit == 0, demoOutput);
            using var demo = JsonDocument.Parse(demoOutput);
            Assert.Equal(["bl.demo.test", "wl.demo.test", "dbl.demo.test"], demo.RootElement.GetProperty("health").EnumerateArray().Select(h => h.GetProperty("zone").GetString()));
            Assert.All(demo.RootElement.GetProperty("health").EnumerateArray(), h => Assert.Equal("healthy", h.GetProperty("state").GetString()));
            var verdicts = demo.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("input").GetString()!, c => c.GetProperty("verdict").GetString());
            Assert.Equal(("reject", "accept"), (verdicts["127.0.0.2"], verdicts["good.example"]));
        }
        finally
        {
            ForgetCachedPackage(version);
        }
    }

    private static async Task RunOkAsync(string directory, params string[] arguments)
    {
        var (exitCode, output) = await DotnetProcess.RunAsync(directory, DotnetTimeout, arguments);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
    }

    private static void ForgetCachedPackage(string version)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ??
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var folder = Path.Combine(packages, "dnsbl.cli", version);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dnsbl.Client.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Dnsbl.Client.sln above {AppContext.BaseDirectory}.");
    }
}

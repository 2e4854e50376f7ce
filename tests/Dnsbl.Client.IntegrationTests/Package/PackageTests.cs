using System.Globalization;
using System.IO.Compression;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Demo;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.IntegrationTests.Package;

/// <summary>
/// Packs Dnsbl.Client, Dnsbl.Client.Hosting and Dnsbl.Client.Testing and uses them from a fresh console project that knows them only as
/// packages: what a customer gets, not what the solution builds. Slow by nature (three dotnet runs), so one test.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private static readonly TimeSpan DotnetTimeout = TimeSpan.FromMinutes(8);
    // The RFC 5782 test points of a Zen-like zone, so the catalogue entry can be checked and probed on loopback
    // (no $NS: a zone without apex NS records is not judged on its nameservers).
    private const string ZenTestPoints = """
        $SOA 1h ns.spamhaus.test hostmaster.spamhaus.test 2026010101 2h 30m 1w 5m
        127.0.0.2 :127.0.0.2:SBL test point
        127.0.0.2 :127.0.0.4:XBL test point
        !127.0.0.1
        """;

    private readonly string _work = Directory.CreateTempSubdirectory("dnsbl-package-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task PackedPackages_ScratchConsoleProject_ChecksAndReportsHealthThroughThePackagesOnly()
    {
        // A version of its own per run: the global packages folder never serves a stale copy of an earlier pack.
        var version = "0.1.0-test." + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
        var feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        var scratch = Directory.CreateDirectory(Path.Combine(_work, "scratch")).FullName;
        var root = FindRepositoryRoot();
        try
        {
            // Built under an artifacts path of its own: the repository's bin/obj (in use by other tests) stay untouched.
            var artifacts = Path.Combine(_work, "artifacts");
            await RunOkAsync(root, "pack", "src/Dnsbl.Client.Testing", "-c", "Release", "--artifacts-path", artifacts, "-o", feed, $"-p:Version={version}");
            await RunOkAsync(root, "pack", "src/Dnsbl.Client", "-c", "Release", "--no-build", "--artifacts-path", artifacts, "-o", feed, $"-p:Version={version}");
            await RunOkAsync(root, "pack", "src/Dnsbl.Client.Hosting", "-c", "Release", "--artifacts-path", artifacts, "-o", feed, $"-p:Version={version}");
            AssertPackageHolds(Path.Combine(feed, $"Dnsbl.Client.{version}.nupkg"), "README.md", "lib/net10.0/Dnsbl.Client.dll", "lib/net10.0/Dnsbl.Client.xml");
            AssertPackageHolds(Path.Combine(feed, $"Dnsbl.Client.Hosting.{version}.nupkg"), "README.md", "lib/net10.0/Dnsbl.Client.Hosting.dll", "lib/net10.0/Dnsbl.Client.Hosting.xml");
            Assert.True(File.Exists(Path.Combine(feed, $"Dnsbl.Client.{version}.snupkg")));

            var demo = await DemoZones.LoadEmbeddedAsync(CancellationToken.None);
            demo.Zones.Add("zen.spamhaus.org", ZoneDatasetType.Ip4Set, ZenTestPoints);
            await using var server = await InProcessDnsServer.StartAsync(demo.Zones);
            ScratchProject.Write(scratch, version, feed, server.EndPoint.ToString());

            var output = await RunOkAsync(scratch, "run", "--configuration", "Release");

            AssertShows(output, "health zen.spamhaus.org Healthy");
            AssertShows(output, "health bl.demo.test Healthy");
            AssertShows(output, "healthcheck Healthy");
            AssertShows(output, "check 127.0.0.2 Reject score=");
            AssertShows(output, "  zen.spamhaus.org Listed 127.0.0.2 127.0.0.4");
            AssertShows(output, "  bl.demo.test Listed 127.0.0.2 127.0.0.4");
            AssertShows(output, "check 127.0.0.1 Accept score=0");
            AssertShows(output, "demo zones bl.demo.test wl.demo.test dbl.demo.test");
        }
        finally
        {
            ForgetCachedPackages(version);
        }
    }

    private static async Task<string> RunOkAsync(string directory, params string[] arguments)
    {
        var (exitCode, output) = await DotnetProcess.RunAsync(directory, DotnetTimeout, arguments);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        return output;
    }

    private static void AssertShows(string output, string expected) =>
        Assert.True(output.Contains(expected, StringComparison.Ordinal), $"Expected \"{expected}\" in the scratch program's output:\n{output}");

    private static void AssertPackageHolds(string package, params string[] entries)
    {
        using var archive = ZipFile.OpenRead(package);
        var names = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.All(entries, entry => Assert.Contains(entry, names));
    }

    private static void ForgetCachedPackages(string version)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ??
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "dnsbl.client", "dnsbl.client.testing" })
        {
            var folder = Path.Combine(packages, id, version);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string FindRepositoryRoot()
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

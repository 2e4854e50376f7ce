using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.IntegrationTests.Package;
using Xunit.Abstractions;

namespace Dnsbl.Client.IntegrationTests.Redis;

/// <summary>
/// Three mail servers (three <c>dnsbl</c> processes) check the same 10,000 addresses one after another through one
/// real redis-server: rbldnsd sees each name about once, not three times. A fourth, with Redis stopped, still judges
/// every address.
/// </summary>
public sealed class FleetCliTests(ITestOutputHelper output)
{
    private const int Addresses = 10_000;
    private const string Zone = "fleet.test";

    // 10.0.0.0/24 and 10.0.10.0/24 listed: some listings, mostly negative answers (both are shared).
    private const string Data = ":127.0.0.2:Listed\n10.0.0.0/24\n10.0.10.0/24\n127.0.0.2\n";

    [Fact]
    public async Task Check_ThreeProcessesThroughOneRedis_ListAskedAboutOncePerAddress()
    {
        await using var rbldnsd = await RbldnsdServer.StartAsync([new RbldnsdZone(Zone, "ip4set", "fleet.ip4set", Data)], logQueries: true, CancellationToken.None);
        await using var redis = await RedisServer.StartAsync(CancellationToken.None);
        var input = Path.Combine(rbldnsd.DataDirectory, "addresses.txt");
        await File.WriteAllLinesAsync(input, Enumerable.Range(0, Addresses).Select(i => $"10.0.{i / 250}.{i % 250}"));
        var logged = QueriesLogged(rbldnsd);

        var runs = new List<string>();
        for (var node = 1; node <= 3; node++)
        {
            runs.Add(await CheckAsync(input, rbldnsd, redis.Configuration));
        }

        var asked = QueriesLogged(rbldnsd) - logged;
        output.WriteLine($"rbldnsd answered {asked} list queries for 3 x {Addresses} checks");
        Assert.InRange(asked, Addresses, (int)(Addresses * 1.05));
        Assert.All(runs, run => Assert.Equal(runs[0], run));
        Assert.Equal(2 * 250, runs[0].Split('\n').Count(line => line.Contains(Zone + "=127.0.0.2", StringComparison.Ordinal)));

        // A fourth server with Redis gone judges everything from DNS.
        await redis.StopAsync();
        Assert.Equal(runs[0], await CheckAsync(input, rbldnsd, redis.Configuration));
    }

    private static async Task<string> CheckAsync(string input, RbldnsdServer rbldnsd, string redis)
    {
        var (exitCode, text) = await DotnetProcess.RunAsync(
            rbldnsd.DataDirectory,
            TimeSpan.FromMinutes(2),
            CliBuild.AssemblyPath(), "check", "-f", input, "--list", Zone, "--no-probe", "--format", "csv",
            "--dns", $"127.0.0.1:{rbldnsd.EndPoint.Port}", "--timeout", "4000", "--redis", redis);
        Assert.True(exitCode is 0 or 1, $"exit {exitCode}: {text[..Math.Min(text.Length, 2000)]}");
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.StartsWith("10.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Addresses, rows.Length);
        return string.Join('\n', rows);
    }

    private static int QueriesLogged(RbldnsdServer rbldnsd) =>
        File.ReadLines(rbldnsd.QueryLogPath!).Count(line => line.Contains("." + Zone, StringComparison.OrdinalIgnoreCase));
}

using System.Net;
using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Lists;
using Dnsbl.Samples.HealthDashboard;
using Microsoft.AspNetCore.Builder;
using Xunit.Abstractions;

namespace Dnsbl.Client.IntegrationTests.Samples;

/// <summary>
/// The HealthDashboard's history view in a real browser (issue 20): rbldnsd serves a steady list and one that goes
/// healthy → lists everything → healthy again (tests/browser/timeline.spec.js rewrites its file and signals rbldnsd),
/// while checks run against the client so the per-minute lookup counters fill. The script asserts the timeline's three
/// bands in order with reasons, data points in the charts and the summary counts at each step, and saves a screenshot
/// of each step: into a temporary folder, or with UPDATE_SCREENSHOTS=1 into docs/images/ for the README (so a test run
/// leaves the working tree as it was).
/// </summary>
public sealed class HealthDashboardTimelineTests(ITestOutputHelper output)
{
    private const string Soa = "$SOA 1h ns.lists.test hostmaster.lists.test 1 2h 30m 1w 5m\n$NS 1h ns.lists.test\n";
    private const string HealthyZone = Soa + ":127.0.0.2:Listed $\n127.0.0.2\n";
    private const string EverythingZone = Soa + ":127.0.0.2:Everything $\n0.0.0.0/1\n128.0.0.0/1\n";

    [Fact]
    public async Task Dashboard_ListGoesBadAndRecovers_ShowsThreeBandsChartsAndSummary()
    {
        BrowserScript.ToolsFolder();
        await using var rbldnsd = await RbldnsdServer.StartAsync(
            [
                new RbldnsdZone("good.test", "ip4set", "good.ip4set", HealthyZone),
                new RbldnsdZone("flappy.test", "ip4set", "flappy.ip4set", HealthyZone),
            ],
            CancellationToken.None);
        var options = new DnsblOptions
        {
            Lists = [new DnsList("good.test"), new DnsList("flappy.test")],
            Nameservers = [rbldnsd.EndPoint.ToString()],
        };
        options.Health.LoopbackNameserversAreRetired = false;
        options.Health.CheckNameservers = false;
        options.Health.RecoveryThreshold = 1;
        options.Health.HealthyInterval = TimeSpan.FromHours(1); // only the start and the page's "Probe now" probe
        options.Health.DisabledInterval = TimeSpan.FromHours(1);
        await using var client = new DnsblClient(options);
        await using var app = DashboardApp.Build(["--urls", "http://127.0.0.1:0"], client);
        await app.StartAsync();
        using var traffic = new CancellationTokenSource();
        var checks = CheckSteadilyAsync(client, traffic.Token);

        var screenshots = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(BrowserScript.RepositoryRoot(), "docs", "images")
            : Directory.CreateTempSubdirectory("dnsbl-dashboard-").FullName;
        var (exitCode, scriptOutput) = await BrowserScript.RunAsync("timeline.spec.js", new Dictionary<string, string>
        {
            ["DASHBOARD_URL"] = app.Urls.Single(),
            ["FLAPPY_LIST"] = "flappy.test",
            ["GOOD_LIST"] = "good.test",
            ["ZONE_FILE"] = Path.Combine(rbldnsd.DataDirectory, "flappy.ip4set"),
            ["RBLDNSD_PID"] = rbldnsd.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HEALTHY_ZONE"] = HealthyZone,
            ["EVERYTHING_ZONE"] = EverythingZone,
            ["SCREENSHOTS"] = screenshots,
        });
        await traffic.CancelAsync();
        var checksRun = await checks;
        await app.StopAsync();
        output.WriteLine($"{checksRun} checks ran while the page was driven\n{scriptOutput}");

        Assert.True(exitCode == 0, $"timeline.spec.js exited {exitCode}:\n{scriptOutput}");
        Assert.True(checksRun > 0, "no checks ran while the page was driven");
        foreach (var step in new[] { "dashboard-1-healthy.png", "dashboard-2-lists-everything.png", "dashboard-3-recovered.png" })
        {
            Assert.True(new FileInfo(Path.Combine(screenshots, step)).Length > 0, $"no screenshot {step}:\n{scriptOutput}");
        }
    }

    /// <summary>Checks 127.0.0.1–254 in turn every 20 ms (all asked of rbldnsd on loopback) until cancelled; returns how many ran.</summary>
    private static async Task<int> CheckSteadilyAsync(DnsblClient client, CancellationToken cancellationToken)
    {
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var count = 0;
        try
        {
            while (await pace.WaitForNextTickAsync(cancellationToken))
            {
                await client.CheckAsync(new IPAddress([127, 0, 0, (byte)(1 + (count % 254))]), cancellationToken);
                count++;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the script has finished
        }

        return count;
    }
}

using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Lists;
using Dnsbl.Samples.HealthDashboard;
using Microsoft.AspNetCore.Builder;

namespace Dnsbl.Client.IntegrationTests.Samples;

/// <summary>
/// The HealthDashboard sample in a real browser: rbldnsd serves a healthy list and one that lists everything, the
/// dashboard runs in-process on loopback, and tests/browser/dashboard.spec.js drives Debian's chromium against it.
/// </summary>
public sealed class HealthDashboardTests
{
    private const string Soa = "$SOA 1h ns.lists.test hostmaster.lists.test 1 2h 30m 1w 5m\n$NS 1h ns.lists.test\n";

    [Fact]
    public async Task Dashboard_InChromium_ShowsBadListDisabledAndProbesOnClick()
    {
        BrowserScript.ToolsFolder();
        await using var rbldnsd = await RbldnsdServer.StartAsync(
            [
                new RbldnsdZone("good.test", "ip4set", "good.ip4set", Soa + ":127.0.0.2:Listed $\n127.0.0.2\n"),
                new RbldnsdZone("bad.test", "ip4set", "bad.ip4set", Soa + ":127.0.0.2:Everything $\n0.0.0.0/1\n128.0.0.0/1\n"),
                new RbldnsdZone("budget.test", "ip4set", "budget.ip4set", Soa + ":127.0.0.2:Listed $\n127.0.0.2\n"),
            ],
            CancellationToken.None);
        var options = new DnsblOptions
        {
            // budget.test: 9 of its 10 queries a day are spent below, so the budget column shows it near the limit.
            Lists = [new DnsList("good.test"), new DnsList("bad.test"), new DnsList("budget.test") { Budget = new ListBudget { PerDay = 10 } }],
            Nameservers = [rbldnsd.EndPoint.ToString()],
        };
        options.Health.LoopbackNameserversAreRetired = false;
        options.Health.CheckNameservers = false;
        options.Health.HealthyInterval = TimeSpan.FromHours(1);
        options.Health.DisabledInterval = TimeSpan.FromHours(1);
        // A clock at noon UTC: the day's budget cannot roll over (at midnight) while the browser looks.
        await using var client = new DnsblClient(options, timeProvider: new ShiftedClock());
        for (var i = 1; i <= 9; i++)
        {
            await client.CheckAsync(System.Net.IPAddress.Parse($"10.8.0.{i}"));
        }

        await using var app = DashboardApp.Build(["--urls", "http://127.0.0.1:0"], client);
        await app.StartAsync();
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "health-dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        var (exitCode, output) = await BrowserScript.RunAsync("dashboard.spec.js", new Dictionary<string, string>
        {
            ["DASHBOARD_URL"] = app.Urls.Single(),
            ["BAD_LIST"] = "bad.test",
            ["GOOD_LIST"] = "good.test",
            ["BUDGET_LIST"] = "budget.test",
            ["SCREENSHOT"] = screenshot,
        });
        await app.StopAsync();

        Assert.True(exitCode == 0, $"dashboard.spec.js exited {exitCode}:\n{output}");
        Assert.True(new FileInfo(screenshot).Length > 0, $"no screenshot at {screenshot}:\n{output}");
    }
}

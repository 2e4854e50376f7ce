using System.Diagnostics;
using System.Text.Json;
using Dnsbl.Client.IntegrationTests.Health;
using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Redis;
using Dnsbl.Samples.HealthDashboard;
using Microsoft.AspNetCore.Builder;

namespace Dnsbl.Client.IntegrationTests.Samples;

/// <summary>
/// The dashboard's fleet view (issue 20 part 3) over a real redis-server: a second node and the dashboard's own client
/// share health; <c>/api/fleet</c> shows both nodes' check-ins, the leader and the published states, and so does the page's
/// fleet section in chromium (tests/browser/fleet.spec.js).
/// </summary>
public sealed class HealthDashboardFleetTests
{
    [Fact]
    public async Task ApiFleet_TwoNodesThroughRedis_ShowsNodesLeaderAndSharedStates()
    {
        await using var rbldnsd = await HealthZones.StartAsync();
        await using var redis = await RedisServer.StartAsync(CancellationToken.None);
        await using var otherConnection = await DnsblRedisConnection.ConnectAsync(Redis(redis, "mx1"));
        await using var other = new DnsblClient(Options(rbldnsd), otherConnection.Sharing);
        using var stopOther = new CancellationTokenSource();
        var otherLoop = other.Health.RunAsync(stopOther.Token);
        await using var dashboardConnection = await DnsblRedisConnection.ConnectAsync(Redis(redis, "dashboard"));
        await using var client = new DnsblClient(Options(rbldnsd), dashboardConnection.Sharing);
        await using var app = DashboardApp.Build(["--urls", "http://127.0.0.1:0"], client, dashboardConnection);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        var fleet = await PollAsync(async () =>
        {
            // 503 is the documented answer while Redis does not answer in time (a busy machine): poll on.
            using var response = await http.GetAsync("/api/fleet");
            if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
            {
                return null;
            }

            response.EnsureSuccessStatusCode();
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = document.RootElement.Clone();
            // The leader publishes what its probes found so far; one probe run out on a loaded machine reads "unreachable"
            // until the next round, so wait for both states to settle, as fleet.spec.js waits in the browser.
            var states = root.GetProperty("lists").EnumerateArray().Select(l => l.GetProperty("state").GetString()).Order().ToArray();
            return root.GetProperty("nodes").GetArrayLength() == 2 && states.SequenceEqual(["healthy", "listsEverything"]) ? root : (JsonElement?)null;
        });
        // The same view as an operator sees it: the page's fleet section in chromium.
        var (exitCode, output) = await BrowserScript.RunAsync("fleet.spec.js", new Dictionary<string, string>
        {
            ["DASHBOARD_URL"] = app.Urls.Single(),
            ["NODES"] = "dashboard,mx1",
            ["HEALTHY_LIST"] = HealthZones.Healthy,
            ["DEAD_LIST"] = HealthZones.ListsEverything,
        });
        await app.StopAsync();
        await stopOther.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => otherLoop);

        Assert.True(exitCode == 0, $"fleet.spec.js exited {exitCode}:\n{output}");

        var leader = fleet.GetProperty("leader").GetString();
        Assert.Contains(leader, new[] { "mx1", "dashboard" });
        Assert.Equal("dashboard", fleet.GetProperty("self").GetString());
        Assert.Equal(["dashboard", "mx1"], fleet.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("nodeId").GetString()).Order());
        Assert.Single(fleet.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("isLeader").GetBoolean());
        var lists = fleet.GetProperty("lists").EnumerateArray().ToDictionary(l => l.GetProperty("listName").GetString()!);
        Assert.Equal(("healthy", true), (lists[HealthZones.Healthy].GetProperty("state").GetString(), lists[HealthZones.Healthy].GetProperty("enabled").GetBoolean()));
        Assert.Equal(("listsEverything", false), (lists[HealthZones.ListsEverything].GetProperty("state").GetString(), lists[HealthZones.ListsEverything].GetProperty("enabled").GetBoolean()));
        Assert.Equal(leader, lists[HealthZones.Healthy].GetProperty("publishedBy").GetString());
    }

    [Fact]
    public async Task ApiFleet_WithoutRedis_NotFound()
    {
        await using var client = new DnsblClient(new DnsblOptions { Lists = [new DnsList("x.test")], Nameservers = ["127.0.0.1:1"] });
        await using var app = DashboardApp.Build(["--urls", "http://127.0.0.1:0"], client);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var response = await http.GetAsync("/api/fleet");
        await app.StopAsync();

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private static DnsblRedisOptions Redis(RedisServer redis, string node) =>
        new() { Configuration = redis.Configuration, NodeId = node, HealthLeasePeriod = TimeSpan.FromSeconds(3) };

    private static DnsblOptions Options(RbldnsdServer rbldnsd)
    {
        var options = new DnsblOptions { Lists = [new DnsList(HealthZones.Healthy), new DnsList(HealthZones.ListsEverything)], Nameservers = [rbldnsd.EndPoint.ToString()] };
        options.Health.LoopbackNameserversAreRetired = false;
        options.Health.CheckNameservers = false;
        return options;
    }

    /// <summary>Polls an observable condition within 60 s (no fixed sleep decides anything).</summary>
    private static async Task<JsonElement> PollAsync(Func<Task<JsonElement?>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (await condition() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the fleet view did not show both nodes and both lists within 60 s");
    }
}

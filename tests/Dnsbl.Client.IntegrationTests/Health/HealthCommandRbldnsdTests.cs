using Dnsbl.Client.IntegrationTests.Infrastructure;

namespace Dnsbl.Client.IntegrationTests.Health;

/// <summary>Issue 3 through the CLI: <c>dnsbl health --json</c> and the probe before <c>dnsbl check</c>.</summary>
public sealed class HealthCommandRbldnsdTests : IAsyncLifetime
{
    private RbldnsdServer _rbldnsd = null!;

    public async Task InitializeAsync() => _rbldnsd = await HealthZones.StartAsync();

    public async Task DisposeAsync() => await _rbldnsd.DisposeAsync();

    [Fact]
    public async Task Health_EveryStateFromRealAnswers_ReportsEachAndExitsThree()
    {
        // Every zone here answers (no state hangs on a timeout), so a generous timeout costs nothing and keeps a late
        // reply on a loaded machine from reading as "unreachable".
        var args = new List<string> { "health", "--dns", _rbldnsd.EndPoint.ToString(), "--json", "--timeout", "4000" };
        foreach (var zone in HealthZones.ListZones)
        {
            args.AddRange(["--list", zone]);
        }

        var run = await CliRun.RunAsync([.. args]);

        Assert.True(run.ExitCode == 3, run.Output + run.Error);
        var lists = run.Json().EnumerateArray().ToDictionary(l => l.GetProperty("zone").GetString()!);
        Assert.Equal(HealthZones.ListZones.Order(StringComparer.Ordinal), lists.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("healthy", lists[HealthZones.Healthy].GetProperty("state").GetString());
        Assert.Equal("healthy", lists[HealthZones.HealthyWithoutNs].GetProperty("state").GetString());
        Assert.Equal("listsEverything", lists[HealthZones.ListsEverything].GetProperty("state").GetString());
        Assert.Equal("notListingTestPoint", lists[HealthZones.Empty].GetProperty("state").GetString());
        Assert.Equal("refusing", lists[HealthZones.Refusing].GetProperty("state").GetString());
        Assert.Equal("dead", lists[HealthZones.RetiredNameservers].GetProperty("state").GetString());
        Assert.Equal("dead", lists[HealthZones.Vanished].GetProperty("state").GetString());
        Assert.Equal("refusing", lists[HealthZones.Unserved].GetProperty("state").GetString());
        Assert.False(lists[HealthZones.ListsEverything].GetProperty("enabled").GetBoolean());
        Assert.True(lists[HealthZones.Healthy].GetProperty("enabled").GetBoolean());
        Assert.All(lists.Values, l => Assert.False(string.IsNullOrEmpty(l.GetProperty("reason").GetString())));
    }

    [Fact]
    public async Task Health_OnlyHealthyLists_ExitsZero()
    {
        var run = await CliRun.RunAsync("health", "--list", HealthZones.Healthy, "--list", HealthZones.HealthyWithoutNs, "--dns", _rbldnsd.EndPoint.ToString(), "--json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.All(run.Json().EnumerateArray(), l => Assert.Equal("healthy", l.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Check_ListThatListsEverythingIsDisabledByTheProbe_IsSkippedAndDoesNotReject()
    {
        var run = await CliRun.RunAsync(
            "check", "10.1.2.3", "--list", $"{HealthZones.HealthyWithoutNs}*3", "--list", $"{HealthZones.ListsEverything}*3",
            "--dns", _rbldnsd.EndPoint.ToString(), "--json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var lists = Assert.Single(run.Json().EnumerateArray()).GetProperty("lists").EnumerateArray().ToDictionary(l => l.GetProperty("zone").GetString()!);
        Assert.Equal("notListed", lists[HealthZones.HealthyWithoutNs].GetProperty("outcome").GetString());
        var skipped = lists[HealthZones.ListsEverything];
        Assert.Equal("skipped", skipped.GetProperty("outcome").GetString());
        Assert.Contains("lists everything", skipped.GetProperty("skipReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithoutProbe_ListThatListsEverythingRejects()
    {
        var run = await CliRun.RunAsync(
            "check", "10.1.2.3", "--list", $"{HealthZones.ListsEverything}*3", "--dns", _rbldnsd.EndPoint.ToString(), "--json", "--no-probe");

        Assert.True(run.ExitCode == 1, run.Output + run.Error);
    }
}

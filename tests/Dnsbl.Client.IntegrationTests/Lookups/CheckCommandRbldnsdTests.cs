using System.Text.Json;
using Dnsbl.Client.IntegrationTests.Infrastructure;

namespace Dnsbl.Client.IntegrationTests.Lookups;

/// <summary>Issue 2's done-when: <c>dnsbl check ... --dns 127.0.0.1:PORT --json</c> against a real rbldnsd.</summary>
public sealed class CheckCommandRbldnsdTests : IAsyncLifetime
{
    private RbldnsdServer _rbldnsd = null!;

    private string Dns => _rbldnsd.EndPoint.ToString();

    public async Task InitializeAsync() => _rbldnsd = await LookupZones.StartAsync();

    public async Task DisposeAsync() => await _rbldnsd.DisposeAsync();

    [Fact]
    public async Task Check_ListedTestPoint_ReportsCodesScoreAndExitsOne()
    {
        var run = await CliRun.RunAsync("check", "127.0.0.2", "--list", "bl.test=127.0.0.2*3", "--list", "bl.test=127.0.0.4*2", "--dns", Dns, "--json");

        Assert.True(run.ExitCode == 1, run.Output + run.Error);
        var result = Assert.Single(run.Json().EnumerateArray());
        Assert.Equal("127.0.0.2", result.GetProperty("input").GetString());
        Assert.Equal(5, result.GetProperty("score").GetDouble());
        Assert.Equal("reject", result.GetProperty("verdict").GetString());
        var list = Assert.Single(result.GetProperty("lists").EnumerateArray());
        Assert.Equal("bl.test", list.GetProperty("zone").GetString());
        Assert.Equal("listed", list.GetProperty("outcome").GetString());
        Assert.Equal(["127.0.0.2", "127.0.0.4"], list.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(5, list.GetProperty("weight").GetDouble());
        Assert.False(list.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Check_ListedBelowRejectThreshold_ExitsZero()
    {
        // Weight 0.5: listed, but the score stays under the default reject threshold of 1. The filter keeps the test
        // point's code 127.0.0.2 so the probe before the check finds the list healthy.
        var run = await CliRun.RunAsync("check", "192.0.2.1", "--list", "bl.test=127.0.0.[2..10]*0.5", "--dns", Dns, "--json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var list = Assert.Single(Assert.Single(run.Json().EnumerateArray()).GetProperty("lists").EnumerateArray());
        Assert.Equal("listed", list.GetProperty("outcome").GetString());
        Assert.Equal(["127.0.0.10"], list.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Check_CleanAddress_ReportsNotListedAndExitsZero()
    {
        var run = await CliRun.RunAsync("check", "10.1.2.3", "--list", "bl.test", "--dns", Dns, "--json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var result = Assert.Single(run.Json().EnumerateArray());
        Assert.Equal(0, result.GetProperty("score").GetDouble());
        Assert.Equal("accept", result.GetProperty("verdict").GetString());
        var list = Assert.Single(result.GetProperty("lists").EnumerateArray());
        Assert.Equal("notListed", list.GetProperty("outcome").GetString());
        Assert.Empty(list.GetProperty("codes").EnumerateArray());
    }

    [Fact]
    public async Task Check_Ipv6AndDomain_UseTheirLists()
    {
        var run = await CliRun.RunAsync(
            "check", "2001:db8::9", "mail.spam.example", "--list", "bl.test=127.0.0.[2..3]*3", "--list", "domain:dbl.test=127.0.1.2*3", "--dns", Dns, "--json");

        Assert.True(run.ExitCode == 1, run.Output + run.Error);
        var results = run.Json().EnumerateArray().ToDictionary(r => r.GetProperty("input").GetString()!);
        var ipv6 = Assert.Single(results["2001:db8::9"].GetProperty("lists").EnumerateArray());
        var domain = Assert.Single(results["mail.spam.example"].GetProperty("lists").EnumerateArray());
        Assert.Equal(("bl.test", "listed"), (ipv6.GetProperty("zone").GetString(), ipv6.GetProperty("outcome").GetString()));
        Assert.Equal(("dbl.test", "listed"), (domain.GetProperty("zone").GetString(), domain.GetProperty("outcome").GetString()));
        Assert.Equal(["127.0.1.2"], domain.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
    }

    [Theory]
    [InlineData("not an address!")]
    [InlineData("a..b")]
    public async Task Check_BadInput_ExitsTwoWithMessage(string input)
    {
        var run = await CliRun.RunAsync("check", input, "--list", "bl.test", "--dns", Dns, "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(input, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnservedZone_ReportsErrorNotListing()
    {
        var run = await CliRun.RunAsync("check", "127.0.0.2", "--list", "nowhere.test", "--dns", Dns, "--json", "--no-probe");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var list = Assert.Single(Assert.Single(run.Json().EnumerateArray()).GetProperty("lists").EnumerateArray());
        Assert.Equal("error", list.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.String, list.GetProperty("error").ValueKind);
        Assert.Empty(list.GetProperty("codes").EnumerateArray());
    }
}

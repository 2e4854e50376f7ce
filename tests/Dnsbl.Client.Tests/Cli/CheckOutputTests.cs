using Dnsbl.Client.Scoring;
using System.Globalization;
using System.Text.Json;
using Dnsbl.Cli;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Demo;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Tests.Cli;

/// <summary>Issue 17: bulk results in input order, CSV, and the thresholds every verdict was judged against.</summary>
public sealed class CheckOutputTests() : DemoZoneCliTests("dnsbl-output-")
{
    [Fact]
    public async Task CheckFile_ThousandsOfInputs_ResultsInInputOrder()
    {
        // Listed and clean inputs interleaved, more than the in-flight window, so answers finish out of order.
        var inputs = Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? "127.0.0.2" : $"10.{i / 256 % 256}.{i % 256}.1").ToArray();
        var file = Write("many.txt", string.Join('\n', inputs));

        var run = await CliRunner.RunAsync("check", "-f", file, "--format", "csv", "--no-probe", "--dns", Dns, "--list", "bl.demo.test*3");

        Assert.True(run.ExitCode == ExitCodes.Listed, run.Error);
        var rows = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(inputs.Length + 1, rows.Length);
        Assert.Equal(inputs, rows.Skip(1).Select(r => r.Split(',')[0]));
        Assert.All(rows.Skip(1).Where(r => r.StartsWith("127.0.0.2,", StringComparison.Ordinal)), r => Assert.Contains(",reject,3,", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckFile_Csv_HeaderThenOneRowPerInputAndSummaryOnStderr()
    {
        var file = Write("csv.txt", "127.0.0.2\n127.0.0.1\n1.2.3\n");

        var run = await CliRunner.RunAsync("check", "-f", file, "--format", "csv", "--no-probe", "--dns", Dns, "--list", "bl.demo.test=127.0.0.[2..4]*3");

        Assert.Equal(ExitCodes.SomeInputsNotJudged, run.ExitCode);
        var rows = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.TrimEnd('\r')).ToArray();
        Assert.Equal("input,where,verdict,score,complete,listed,errors,input_error", rows[0]);
        Assert.Equal($"127.0.0.2,{file}:1,reject,3,true,bl.demo.test=127.0.0.2 127.0.0.4,,", rows[1]);
        Assert.Equal($"127.0.0.1,{file}:2,accept,0,true,,,", rows[2]);
        Assert.StartsWith($"1.2.3,{file}:3,,,,,,looks like an IPv4 address but is not one: 3 parts", rows[3], StringComparison.Ordinal);
        Assert.StartsWith("3 inputs: 1 rejected", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PostscreenLists_UseTheLibraryDefaultThresholdsAndShowThem()
    {
        var table = await CliRunner.RunAsync("check", "127.0.0.2", "--no-probe", "--dns", Dns, "--list", "bl.demo.test");
        var json = await CliRunner.RunAsync("check", "127.0.0.2", "--json", "--no-probe", "--dns", Dns, "--list", "bl.demo.test");

        var defaults = new DnsblThresholds();
        Assert.Contains($"Thresholds: reject at {defaults.Reject} or more, tag off, allow-list at {defaults.AllowList} or less", table.Output, StringComparison.Ordinal);
        var thresholds = JsonDocument.Parse(json.Output).RootElement[0].GetProperty("thresholds");
        Assert.Equal(defaults.Reject, thresholds.GetProperty("reject").GetDouble());
        Assert.Equal(JsonValueKind.Null, thresholds.GetProperty("tag").ValueKind);
        Assert.Equal(defaults.AllowList, thresholds.GetProperty("allowList").GetDouble());
    }

    [Fact]
    public async Task Check_CatalogueLists_UseTheCatalogueSuggestedThresholds()
    {
        await using var server = await ZenServerAsync();

        var run = await CliRunner.RunAsync("check", "127.0.0.2", "--json", "--no-probe", "--dns", server.EndPoint.ToString(), "--list", "spamhaus-zen");

        // The test point answers SBL (2.596) and XBL (0.724): 3.32, under SpamAssassin's 5, so accepted as SpamAssassin would.
        Assert.True(run.ExitCode == ExitCodes.Clean, run.Error);
        var result = JsonDocument.Parse(run.Output).RootElement[0];
        Assert.Equal(3.32, result.GetProperty("score").GetDouble(), 3);
        Assert.Equal("accept", result.GetProperty("verdict").GetString());
        var suggested = Dnsbl.Client.Catalogue.DnsblCatalogue.SuggestedThresholds;
        Assert.Equal(suggested.Reject, result.GetProperty("thresholds").GetProperty("reject").GetDouble());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("thresholds").GetProperty("allowList").ValueKind);
    }

    [Theory]
    [InlineData("3", null, "reject")]
    [InlineData("4", "3", "tag")]
    public async Task Check_RejectAndTagOptions_OverrideTheDefaults(string reject, string? tag, string verdict)
    {
        await using var server = await ZenServerAsync();
        string[] args = ["check", "127.0.0.2", "--json", "--no-probe", "--dns", server.EndPoint.ToString(), "--list", "spamhaus-zen", "--reject", reject];

        var run = await CliRunner.RunAsync(tag is null ? args : [.. args, "--tag", tag]);

        var result = JsonDocument.Parse(run.Output).RootElement[0];
        Assert.Equal(verdict, result.GetProperty("verdict").GetString());
        Assert.Equal(double.Parse(reject, CultureInfo.InvariantCulture), result.GetProperty("thresholds").GetProperty("reject").GetDouble());
        Assert.Equal(verdict == "reject" ? ExitCodes.Listed : ExitCodes.Clean, run.ExitCode);
    }

    [Fact]
    public async Task Check_TagAboveReject_IsAUsageError()
    {
        var run = await CliRunner.RunAsync("check", "127.0.0.2", "--no-probe", "--dns", Dns, "--list", "bl.demo.test", "--reject", "2", "--tag", "3");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--tag 3 is above the reject threshold 2", run.Error, StringComparison.Ordinal);
    }

    private static Task<InProcessDnsServer> ZenServerAsync() => InProcessDnsServer.StartAsync(new ZoneSet().Add(
        "zen.spamhaus.org", ZoneDatasetType.Ip4Set, "127.0.0.2 :127.0.0.2:SBL test point\n127.0.0.2 :127.0.0.4:XBL test point\n"));
}

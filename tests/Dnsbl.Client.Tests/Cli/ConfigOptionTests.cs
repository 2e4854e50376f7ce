using System.Text.Json;
using Dnsbl.Cli;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Demo;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Tests.Cli;

/// <summary>Issue 14 item 4: <c>--config FILE</c> reads what <c>dnsbl import</c> writes, or an appsettings.json; the command line overrides it.</summary>
public sealed class ConfigOptionTests() : DemoZoneCliTests("dnsbl-config-")
{
    [Fact]
    public async Task CheckConfig_SpamAssassinImport_ScoresWithItsRulesWeightsAndRequiredScore()
    {
        var config = await ImportAsync("spamassassin", Write("20_dnsbl_tests.cf", """
            header __RCVD_IN_ZEN  eval:check_rbl('zen', 'zen.spamhaus.org.')
            header RCVD_IN_SBL    eval:check_rbl_sub('zen', '127.0.0.2')
            header RCVD_IN_XBL    eval:check_rbl_sub('zen', '127.0.0.4')
            score RCVD_IN_SBL 2.6
            score RCVD_IN_XBL 0.8
            required_score 3
            """));
        await using var zen = await InProcessDnsServer.StartAsync(new ZoneSet().Add(
            "zen.spamhaus.org", ZoneDatasetType.Ip4Set, "127.0.0.2 :127.0.0.2:SBL\n127.0.0.2 :127.0.0.4:XBL\n"));

        var run = await CliRunner.RunAsync("check", "127.0.0.2", "--config", config, "--dns", zen.EndPoint.ToString(), "--no-probe", "--json");

        Assert.True(run.ExitCode == ExitCodes.Listed, run.Output + run.Error);
        var result = JsonDocument.Parse(run.Output).RootElement[0];
        Assert.Equal(3.4, result.GetProperty("score").GetDouble(), 3);
        Assert.Equal(3, result.GetProperty("thresholds").GetProperty("reject").GetDouble());
        var list = Assert.Single(result.GetProperty("lists").EnumerateArray());
        // __RCVD_IN_ZEN hits too (weight 0): SpamAssassin's sub-rules hit for meta rules but never score.
        Assert.Equal(["RCVD_IN_SBL", "RCVD_IN_XBL", "__RCVD_IN_ZEN"], list.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CheckConfig_RejectOnTheCommandLine_OverridesTheFile()
    {
        var config = await ImportAsync("postscreen", Write("main.cf", """
            postscreen_dnsbl_threshold = 2
            postscreen_dnsbl_sites = bl.demo.test=127.0.0.[2..4]*2
            """));

        var fromFile = await CliRunner.RunAsync("check", "127.0.0.2", "--config", config, "--dns", Dns, "--no-probe", "--json");
        var overridden = await CliRunner.RunAsync("check", "127.0.0.2", "--config", config, "--dns", Dns, "--no-probe", "--json", "--reject", "2.5");

        Assert.True(fromFile.ExitCode == ExitCodes.Listed, fromFile.Output + fromFile.Error);
        Assert.Equal("reject", JsonDocument.Parse(fromFile.Output).RootElement[0].GetProperty("verdict").GetString());
        Assert.Equal(ExitCodes.Clean, overridden.ExitCode);
        Assert.Equal(2.5, JsonDocument.Parse(overridden.Output).RootElement[0].GetProperty("thresholds").GetProperty("reject").GetDouble());
    }

    [Fact]
    public async Task CheckConfig_ListOnTheCommandLine_ReplacesTheFileLists()
    {
        var config = Write("appsettings.json", Appsettings(sites: "bl.demo.test*3"));

        var run = await CliRunner.RunAsync("check", "mail.spam.example", "--config", config, "--no-probe", "--json", "--list", "domain:dbl.demo.test*3");

        Assert.True(run.ExitCode == ExitCodes.Listed, run.Output + run.Error);
        var list = Assert.Single(JsonDocument.Parse(run.Output).RootElement[0].GetProperty("lists").EnumerateArray());
        Assert.Equal("dbl.demo.test", list.GetProperty("zone").GetString());
    }

    [Fact]
    public async Task HealthConfig_Appsettings_ProbesTheFileListsThroughTheFileNameservers()
    {
        var config = Write("appsettings.json", Appsettings(sites: "bl.demo.test*3"));

        var run = await CliRunner.RunAsync("health", "--config", config, "--json");

        Assert.True(run.ExitCode == ExitCodes.Clean, run.Output + run.Error);
        var list = Assert.Single(JsonDocument.Parse(run.Output).RootElement.EnumerateArray());
        Assert.Equal(("bl.demo.test", "healthy"), (list.GetProperty("zone").GetString(), list.GetProperty("state").GetString()));
    }

    [Theory]
    [InlineData("missing.json", null, "no such file")]
    [InlineData("other.json", """{ "Logging": { "LogLevel": { "Default": "Warning" } } }""", "no \"Dnsbl\" section")]
    [InlineData("broken.json", """{ "Dnsbl": { "Sites": """, "not readable JSON")]
    [InlineData("unknown.json", """{ "Dnsbl": { "Sites": "bl.demo.test", "Treshold": 3 } }""", "Dnsbl:Treshold")]
    [InlineData("empty.json", """{ "Dnsbl": { "Nameservers": [ "127.0.0.1:53" ] } }""", "configures no list")]
    public async Task CheckConfig_UnusableFile_ExitsTwoNamingTheFileAndTheProblem(string name, string? text, string problem)
    {
        var path = text is null ? Path.Combine(Folder, name) : Write(name, text);

        var run = await CliRunner.RunAsync("check", "127.0.0.2", "--config", path, "--no-probe");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains($"--config {path}", run.Error, StringComparison.Ordinal);
        Assert.Contains(problem, run.Error, StringComparison.Ordinal);
    }

    private string Appsettings(string sites) => $$"""
        {
          "Logging": { "LogLevel": { "Default": "Information" } },
          "Dnsbl": { "Sites": "{{sites}}", "Nameservers": [ "{{Dns}}" ], "Thresholds": { "Reject": 3 } }
        }
        """;

    private async Task<string> ImportAsync(string format, string file)
    {
        var import = await CliRunner.RunAsync("import", format, file);
        Assert.True(import.ExitCode == ExitCodes.Clean, import.Error);
        return Write($"{format}.json", import.Output);
    }
}

using System.Text.Json;
using Dnsbl.Cli;
using Dnsbl.Client.Catalogue;

namespace Dnsbl.Client.Tests.Cli;

/// <summary>Issue 17 item 6: help that ends with real examples, and the catalogue on the command line.</summary>
public sealed class HelpAndListsTests
{
    [Theory]
    [InlineData("check")]
    [InlineData("health")]
    [InlineData("lists")]
    [InlineData("import")]
    [InlineData("import", "spamassassin")]
    [InlineData("import", "postscreen")]
    [InlineData("demo")]
    public async Task Help_EachCommand_EndsWithTwoToFourExamplesOfThatCommand(params string[] command)
    {
        var run = await CliRunner.RunAsync([.. command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        var examples = run.Output[(run.Output.LastIndexOf("Examples:", StringComparison.Ordinal) + "Examples:".Length)..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.InRange(examples.Length, 2, 4);
        Assert.All(examples, e => Assert.Contains("dnsbl ", e, StringComparison.Ordinal));
        Assert.Contains(examples, e => e.Contains($"dnsbl {command[0]}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_Check_ShowsPostscreenSyntaxCatalogueNameConfigAndStdin()
    {
        var run = await CliRunner.RunAsync("check", "--help");

        Assert.Contains("--list 'zen.spamhaus.org=127.0.0.[2..11]*3'", run.Output, StringComparison.Ordinal);
        Assert.Contains("--list spamhaus-zen", run.Output, StringComparison.Ordinal);
        Assert.Contains("--config sa.json", run.Output, StringComparison.Ordinal);
        Assert.Contains("dnsbl check -f - ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_Table_ShowsEveryCatalogueEntryWithZoneCodesWeightsAndTerms()
    {
        var run = await CliRunner.RunAsync("lists");

        Assert.Equal(0, run.ExitCode);
        foreach (var entry in DnsblCatalogue.Entries)
        {
            Assert.Contains($"│ {entry.Name}", run.Output, StringComparison.Ordinal);
            Assert.Contains(entry.List.Zone, run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("127.0.0.[4..7] XBL", run.Output, StringComparison.Ordinal);
        Assert.Contains("0.724", run.Output, StringComparison.Ordinal);
        Assert.Contains("DQS key", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_Json_CarriesRulesWeightsAndTermsOfEachEntry()
    {
        var run = await CliRunner.RunAsync("lists", "--json");

        var entries = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(DnsblCatalogue.Entries.Select(e => e.Name).Order(StringComparer.Ordinal), entries.Keys.Order(StringComparer.Ordinal));
        var zen = entries["spamhaus-zen"];
        Assert.Equal("zen.spamhaus.org", zen.GetProperty("zone").GetString());
        Assert.Equal("ipBlockList", zen.GetProperty("kind").GetString());
        var sbl = zen.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "SBL");
        Assert.Equal(("127.0.0.2", 2.596), (sbl.GetProperty("codes").GetString(), sbl.GetProperty("weight").GetDouble()));
        Assert.Contains("DQS key", zen.GetProperty("terms").GetString(), StringComparison.Ordinal);
    }
}

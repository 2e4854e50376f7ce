using System.Text.Json;
using Dnsbl.Cli;
using Dnsbl.Client.Testing.Demo;

namespace Dnsbl.Client.Tests.Cli;

/// <summary>Issue 17: an input no configured list can judge is refused, never "accepted" for not having been asked.</summary>
public sealed class CheckRefusalTests() : DemoZoneCliTests("dnsbl-refusal-")
{
    [Theory]
    [InlineData("300.1.2.3", "300 is above 255")]
    [InlineData("1.2.3", "3 parts where an IPv4 address has 4")]
    [InlineData("1.2.3.4.5", "5 parts where an IPv4 address has 4")]
    public async Task Check_Ipv4LookAlike_ExitsTwoNamingTheProblemBeforeAnyLookup(string input, string problem)
    {
        var run = await CliRunner.RunAsync("check", input, "--no-probe", "--dns", Dns, "--list", "bl.demo.test");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Equal($"dnsbl: '{input}': looks like an IPv4 address but is not one: {problem}.", run.Error.Trim());
        Assert.Equal(0, Demo.Server.QueryCount);
    }

    [Fact]
    public async Task Check_DomainWithOnlyIpLists_ExitsTwoNamingTheMissingDomainList()
    {
        var run = await CliRunner.RunAsync("check", "192.0.2.1", "mail.spam.example", "--no-probe", "--dns", Dns, "--list", "bl.demo.test", "--list", "ip:wl.demo.test*-1");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("'mail.spam.example': a domain, but no domain: or uri: list is configured", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Demo.Server.QueryCount);
    }

    [Fact]
    public async Task Check_AddressWithOnlyDomainLists_ExitsTwoNamingTheMissingIpList()
    {
        var run = await CliRunner.RunAsync("check", "127.0.0.2", "--no-probe", "--dns", Dns, "--list", "domain:dbl.demo.test");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("'127.0.0.2': an IP address, but no ip: list is configured", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, Demo.Server.QueryCount);
    }

    [Fact]
    public async Task CheckFile_UnjudgeableLines_ReportedInPlaceCountedInTheSummaryAndExitFour()
    {
        var file = Write("mixed.txt", """
            127.0.0.2
            300.1.2.3
            mail.spam.example
            127.0.0.1
            not an input
            """);

        var run = await CliRunner.RunAsync("check", "-f", file, "--json", "--no-probe", "--dns", Dns, "--list", "bl.demo.test");

        Assert.Equal(ExitCodes.SomeInputsNotJudged, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["127.0.0.2", "300.1.2.3", "mail.spam.example", "127.0.0.1", "not an input"], lines.Select(l => l.GetProperty("input").GetString()));
        Assert.Equal(["reject", null, null, "accept", null], lines.Select(l => l.TryGetProperty("verdict", out var v) ? v.GetString() : null));
        Assert.Equal($"{file}:2", lines[1].GetProperty("where").GetString());
        Assert.Contains("looks like an IPv4 address", lines[1].GetProperty("inputError").GetString(), StringComparison.Ordinal);
        Assert.Contains("no domain: or uri: list is configured", lines[2].GetProperty("inputError").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            "5 inputs: 1 rejected, 0 tagged, 1 accepted, 0 allow-listed, 0 deferred, 3 not judged (input errors)",
            run.Error.Trim());
    }

    [Fact]
    public async Task CheckFile_UnjudgeableLinesAsTable_ListedUnderNotJudgedWithTheSummary()
    {
        var file = Write("table.txt", "127.0.0.1\n1.2.3\n");

        var run = await CliRunner.RunAsync("check", "-f", file, "--no-probe", "--dns", Dns, "--list", "bl.demo.test");

        Assert.Equal(ExitCodes.SomeInputsNotJudged, run.ExitCode);
        Assert.Contains("Not judged (input errors)", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{file}:2", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 inputs: 0 rejected, 0 tagged, 1 accepted, 0 allow-listed, 0 deferred, 1 not judged", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1.2.3: score", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckFile_MalformedDomain_IsAnInputErrorNotTheEndOfTheRun()
    {
        var file = Write("domains.txt", "a..b\nmail.spam.example\n");

        var run = await CliRunner.RunAsync("check", "-f", file, "--json", "--no-probe", "--dns", Dns, "--list", "domain:dbl.demo.test*3");

        Assert.Equal(ExitCodes.SomeInputsNotJudged, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Contains("nor a valid domain", lines[0].GetProperty("inputError").GetString(), StringComparison.Ordinal);
        Assert.Equal("reject", lines[1].GetProperty("verdict").GetString());
    }
}

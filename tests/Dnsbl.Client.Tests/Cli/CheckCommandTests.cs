using System.Text.Json;
using Dnsbl.Cli;
using Dnsbl.Cli.Commands;
using Dnsbl.Cli.Output;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Demo;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Tests.Cli;

public sealed class CheckCommandTests() : DemoZoneCliTests("dnsbl-check-")
{
    [Fact]
    public async Task CheckFile_JsonLines_OneCompactObjectPerInputInOrderAndExitOne()
    {
        var file = Write("inputs.txt", """
            # demo inputs
            127.0.0.2     # the RFC 5782 test point

            127.0.0.1
            login.phish.example
            """);

        var run = await CliRunner.RunAsync("check", "-f", file, "--json", "--no-probe", "--dns", Dns, "--list", "bl.demo.test", "--list", "domain:dbl.demo.test");

        Assert.Equal(1, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var results = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["127.0.0.2", "127.0.0.1", "login.phish.example"], results.Select(r => r.GetProperty("input").GetString()));
        Assert.Equal(["reject", "accept", "reject"], results.Select(r => r.GetProperty("verdict").GetString()));
        Assert.Equal("listed", results[0].GetProperty("lists")[0].GetProperty("outcome").GetString());
        Assert.Equal("3 inputs: 2 rejected, 0 tagged, 1 accepted, 0 allow-listed, 0 deferred, 0 not judged (input errors)", run.Error.Trim());
    }

    [Fact]
    public async Task Check_DomainPrefixedCatalogueName_IsAccepted()
    {
        var zones = new ZoneSet().Add("dbl.spamhaus.org", ZoneDatasetType.DnSet, "spam.example :127.0.1.2:DBL test\n");
        await using var server = await InProcessDnsServer.StartAsync(zones);

        var run = await CliRunner.RunAsync("check", "spam.example", "--json", "--no-probe", "--dns", server.EndPoint.ToString(), "--list", "domain:spamhaus-dbl");

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        Assert.Equal("listed", JsonDocument.Parse(run.Output).RootElement[0].GetProperty("lists")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task CheckFile_CleanInputsAsTable_ExitsZero()
    {
        var file = Write("clean.txt", "127.0.0.1\n");

        var run = await CliRunner.RunAsync("check", "-f", file, "--no-probe", "--dns", Dns, "--list", "bl.demo.test");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("127.0.0.1: score 0, accept", run.Output, StringComparison.Ordinal);
        Assert.Contains("not listed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckFile_StandardInput_ReadsInputsFromTheConsoleInput()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error) { Input = new StringReader("127.0.0.2\n") };
        var options = new DnsblOptions { Lists = [.. Demo.Lists.Take(1)], Nameservers = [Dns] };

        var exitCode = await CheckCommand.RunAsync(console, [], CheckInputFile.StandardInput, options, CheckFormat.Json, probe: false, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Equal("127.0.0.2", JsonDocument.Parse(output.ToString()).RootElement.GetProperty("input").GetString());
    }

    [Fact]
    public async Task Check_CatalogueName_UsesTheCatalogueRulesAndWeights()
    {
        var zones = new ZoneSet().Add("zen.spamhaus.org", ZoneDatasetType.Ip4Set, "127.0.0.2 :127.0.0.2:SBL test point\n");
        await using var server = await InProcessDnsServer.StartAsync(zones);

        var run = await CliRunner.RunAsync("check", "127.0.0.2", "--json", "--no-probe", "--dns", server.EndPoint.ToString(), "--list", "spamhaus-zen");

        // SBL alone (2.596) stays under the catalogue's suggested reject threshold of 5: on SpamAssassin's scale it is not spam.
        Assert.Equal(0, run.ExitCode);
        var list = JsonDocument.Parse(run.Output).RootElement[0].GetProperty("lists")[0];
        Assert.Equal("listed", list.GetProperty("outcome").GetString());
        Assert.Equal(["SBL"], list.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(2.596, list.GetProperty("weight").GetDouble(), 3);
    }

    [Theory]
    [InlineData("sorbs", "SORBS was shut down")]
    [InlineData("dnsbl.sorbs.net=127.0.0.2", "SORBS was shut down")]
    [InlineData("no-such-list", "'no-such-list' is not a zone (no dot) nor a catalogue name; known names: spamhaus-zen")]
    [InlineData("ip:spamhaus-dbl", "spamhaus-dbl is a UriBlockList; drop the ip: prefix")]
    [InlineData("spamhaus-zen*2", "a catalogue list carries its own return-code rules and weights")]
    [InlineData("bl.demo.test=127.0.0.[2..", "--list: ")]
    public async Task Check_BadListSpec_ExitsTwoWithTheReason(string spec, string reason)
    {
        var run = await CliRunner.RunAsync("check", "127.0.0.2", "--no-probe", "--dns", Dns, "--list", spec);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith("dnsbl: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "check", "--list", "bl.demo.test" }, "Nothing to check")]
    [InlineData(new[] { "check", "127.0.0.2", "-f", "x.txt", "--list", "bl.demo.test" }, "either as arguments or with -f FILE")]
    [InlineData(new[] { "check", "-f", "/nonexistent/inputs.txt", "--list", "bl.demo.test" }, "-f: cannot read '/nonexistent/inputs.txt'")]
    [InlineData(new[] { "check", "127.0.0.2" }, "No list given")]
    [InlineData(new[] { "check", "127.0.0.2", "--list", "bl.demo.test", "--timeout", "soon" }, "soon")]
    [InlineData(new[] { "check", "127.0.0.2", "--list", "bl.demo.test", "--timeout", "0" }, "--timeout 0: give milliseconds between 1 and 300000")]
    public async Task Check_UsageError_ExitsTwoWithClearMessage(string[] args, string message)
    {
        var run = await CliRunner.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Tests.Cli;

/// <summary><c>dnsbl check &lt;domain&gt;</c> against a URI list asks the list's DomainForm and shows the key it asked (issue 15 part 4).</summary>
public sealed class CheckDomainFormTests
{
    private static ZoneSet Zones() => new ZoneSet()
        .Add("multi.uribl.test", ZoneDatasetType.DnSet, "example.co.uk :127.0.0.2:registered domain listed\n")
        .Add("dbl.test", ZoneDatasetType.DnSet, "shop.example.co.uk :127.0.1.2:full host listed\n");

    [Fact]
    public async Task Check_DomainAgainstUriList_JsonNamesTheRegisteredDomainAsked()
    {
        await using var server = await InProcessDnsServer.StartAsync(Zones());

        var run = await CliRunner.RunAsync("check", "shop.example.co.uk", "--json", "--no-probe", "--dns", server.EndPoint.ToString(), "--list", "uri:multi.uribl.test");

        var result = JsonDocument.Parse(run.Output).RootElement[0];
        var list = result.GetProperty("lists")[0];
        Assert.Equal("shop.example.co.uk", result.GetProperty("input").GetString());
        Assert.Equal("example.co.uk", list.GetProperty("input").GetString());
        Assert.Equal("listed", list.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Check_DomainAgainstUriList_TableSaysWhichKeyWasAsked()
    {
        await using var server = await InProcessDnsServer.StartAsync(Zones());

        var run = await CliRunner.RunAsync("check", "shop.example.co.uk", "--no-probe", "--dns", server.EndPoint.ToString(), "--list", "uri:multi.uribl.test", "--list", "domain:dbl.test");

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        Assert.Contains("asked example.co.uk", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("asked shop.example.co.uk", run.Output, StringComparison.Ordinal); // the domain list gets the name as given
    }
}

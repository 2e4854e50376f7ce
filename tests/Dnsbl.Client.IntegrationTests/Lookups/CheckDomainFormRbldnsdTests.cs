using Dnsbl.Client.IntegrationTests.Infrastructure;

namespace Dnsbl.Client.IntegrationTests.Lookups;

/// <summary>
/// Issue 15 part 4: <c>dnsbl check &lt;domain&gt;</c> asks each URI list in its DomainForm. rbldnsd's query log shows
/// which names reached the server: URIBL (catalogue entry, cut at its own TLD sets) gets example.co.uk, DBL (full host) gets
/// shop.example.co.uk, and the full host never reaches URIBL.
/// </summary>
public sealed class CheckDomainFormRbldnsdTests
{
    [Fact]
    public async Task Check_HostAgainstUriblAndDbl_EachZoneGetsItsFormAsRbldnsdLogsIt()
    {
        await using var rbldnsd = await RbldnsdServer.StartAsync(
            [
                new RbldnsdZone("multi.uribl.com", "dnset", "uribl.dnset", "example.co.uk :127.0.0.2:black\n"),
                new RbldnsdZone("dbl.spamhaus.org", "dnset", "dbl.dnset", "shop.example.co.uk :127.0.1.2:spam\n"),
            ],
            logQueries: true,
            CancellationToken.None);

        var run = await CliRun.RunAsync("check", "shop.example.co.uk", "--no-probe", "--list", "uri:uribl-multi", "--list", "uri:spamhaus-dbl", "--dns", rbldnsd.EndPoint.ToString(), "--json");

        Assert.True(run.ExitCode is 0 or 1, run.Output + run.Error); // listed twice; the verdict depends on the catalogue weights
        var lists = Assert.Single(run.Json().EnumerateArray()).GetProperty("lists").EnumerateArray()
            .ToDictionary(l => l.GetProperty("zone").GetString()!, l => (Input: l.GetProperty("input").GetString(), Outcome: l.GetProperty("outcome").GetString()));
        Assert.Equal(("example.co.uk", "listed"), lists["multi.uribl.com"]);
        Assert.Equal(("shop.example.co.uk", "listed"), lists["dbl.spamhaus.org"]);

        var asked = LoggedNames(rbldnsd);
        Assert.Contains("example.co.uk.multi.uribl.com", asked);
        Assert.Contains("shop.example.co.uk.dbl.spamhaus.org", asked);
        Assert.DoesNotContain("shop.example.co.uk.multi.uribl.com", asked);
    }

    [Fact]
    public async Task Check_PublicSuffixAgainstRegisteredDomainList_NothingReachesTheServerAndTheSkipSaysWhy()
    {
        // A URI list configured by zone is asked the registered domain by the Public Suffix List, of which co.uk has none.
        // (The catalogue's URIBL and SURBL cut at their own TLD sets, as SpamAssassin does, and are asked co.uk itself.)
        await using var rbldnsd = await RbldnsdServer.StartAsync(
            [new RbldnsdZone("uris.lab.test", "dnset", "uris.dnset", "example.co.uk :127.0.0.2:black\n")], logQueries: true, CancellationToken.None);

        var run = await CliRun.RunAsync("check", "co.uk", "--no-probe", "--list", "uri:uris.lab.test", "--dns", rbldnsd.EndPoint.ToString(), "--json");

        var list = Assert.Single(Assert.Single(run.Json().EnumerateArray()).GetProperty("lists").EnumerateArray());
        Assert.Equal("skipped", list.GetProperty("outcome").GetString());
        Assert.Contains("no registered domain", list.GetProperty("skipReason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(LoggedNames(rbldnsd), name => name.EndsWith(".uris.lab.test", StringComparison.Ordinal));
    }

    // rbldnsd's log line: "time peer qname qtype class: answer"; the readiness probes name no zone of these tests.
    private static List<string> LoggedNames(RbldnsdServer rbldnsd) =>
        [.. File.ReadLines(rbldnsd.QueryLogPath!).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 3).Select(fields => fields[2].TrimEnd('.').ToLowerInvariant())];
}

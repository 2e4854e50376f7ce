using System.Text.Json;
using Dnsbl.Cli;
using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.IntegrationTests.Messages;

/// <summary>
/// Issue 4's "done when": a real message against a real rbldnsd — listed links (obfuscated and in HTML), listed relays
/// (IPv4 and IPv6 Received lines), an allow-listed sender relay — gives the right combined score and per-input
/// explanation through the API and through the CLI. The relay addresses only ever appear in query names sent to 127.0.0.1.
/// </summary>
public sealed class MessageCheckTests
{
    // URI list: claim-prize.com itself, spam-domain.org and every host under it.
    private const string UriZone = """
        :127.0.0.2:Listed link
        claim-prize.com
        .spam-domain.org
        """;

    // A multi list: each bit of the code is a sub-list (2 = A, 4 = B, 8 = C).
    private const string MultiZone = """
        secure-payout.net :127.0.0.6:A and B
        claim-prize.com :127.0.0.8:C
        """;

    // Hosts under evil-links.net, but not evil-links.net itself.
    private const string WildcardZone = """
        :127.0.0.2:Tracking host
        *.evil-links.net
        """;

    private const string RelayZone4 = """
        :127.0.0.2:Relay listed
        81.2.69.160
        """;

    private const string RelayZone6 = """
        :127.0.0.2:Relay listed
        2a01:4f8:c17:1::1
        """;

    private const string AllowZone = """
        :127.0.10.2:Known good sender
        89.160.20.112
        """;

    // uri 2 + multi (A 1 + B 1.5 + C 0.5) + both relays on bl.test counted once 3 + allow -2, and the wildcard list 1 (API only).
    private const double CliScore = 6;

    private static string CorpusPath => Path.Combine(AppContext.BaseDirectory, "Messages", "Corpus", "listed-links-and-relays.eml");

    private static Task<RbldnsdServer> StartAsync() => RbldnsdServer.StartAsync(
        [
            new RbldnsdZone("uri.test", "dnset", "uri.dnset", UriZone),
            new RbldnsdZone("multi.test", "dnset", "multi.dnset", MultiZone),
            new RbldnsdZone("wild.test", "dnset", "wild.dnset", WildcardZone),
            new RbldnsdZone("bl.test", "ip4set", "bl.ip4set", RelayZone4),
            new RbldnsdZone("bl.test", "ip6trie", "bl.ip6trie", RelayZone6),
            new RbldnsdZone("wl.test", "ip4set", "wl.ip4set", AllowZone),
        ],
        CancellationToken.None);

    private static DnsList[] Lists() =>
    [
        new DnsList("uri.test", DnsListKind.UriBlockList) { Rules = [new ReturnCodeRule(null, 2) { Name = "URI_BLACK" }] },
        new DnsList("multi.test", DnsListKind.UriBlockList)
        {
            Rules =
            [
                new ReturnCodeRule(ReturnCodeFilter.AnyBits(2), 1) { Name = "MULTI_A" },
                new ReturnCodeRule(ReturnCodeFilter.AnyBits(4), 1.5) { Name = "MULTI_B" },
                new ReturnCodeRule(ReturnCodeFilter.AnyBits(8), 0.5) { Name = "MULTI_C" },
            ],
        },
        new DnsList("wild.test", DnsListKind.UriBlockList) { DomainForm = DomainQueryForm.FullHostName, Rules = [new ReturnCodeRule(null, 1) { Name = "TRACKER" }] },
        new DnsList("bl.test") { Relays = RelaySelection.AllUntrusted, Rules = [new ReturnCodeRule(null, 3) { Name = "RELAY" }] },
        new DnsList("wl.test", DnsListKind.IpAllowList) { Relays = RelaySelection.AllUntrusted, Rules = [new ReturnCodeRule(null, -2) { Name = "GOOD_SENDER" }] },
    ];

    [Fact]
    public async Task CheckMessageAsync_CorpusMessageAgainstRbldnsd_CombinesLinksRelaysAndAllowList()
    {
        await using var rbldnsd = await StartAsync();
        var options = new DnsblOptions { Lists = Lists(), Nameservers = [$"127.0.0.1:{rbldnsd.EndPoint.Port}"] };
        options.Health.Enabled = false;
        await using var client = new DnsblClient(options);
        await using var file = File.OpenRead(CorpusPath);
        var message = await MessageContext.ParseAsync(file);

        var result = await client.CheckMessageAsync(message);

        Assert.True(result.IsComplete);
        Assert.Equal(CliScore + 1, result.Score);
        Assert.Equal(DnsblVerdict.Reject, result.Verdict);
        Assert.DoesNotContain(result.Lookups, l => l.Kind == ListOutcomeKind.Error);
        // Links come in relevance order (HTML hrefs first), so compare them as sets.
        Assert.Equal(["claim-prize.com", "spam-domain.org"], Listed(result, "uri.test").Order(StringComparer.Ordinal));
        Assert.Equal(["claim-prize.com", "secure-payout.net"], Listed(result, "multi.test").Order(StringComparer.Ordinal));
        Assert.Equal(["track.evil-links.net"], Listed(result, "wild.test"));
        // SpamAssassin's default relay set runs oldest first.
        Assert.Equal(["2a01:4f8:c17:1::1", "81.2.69.160"], Listed(result, "bl.test"));
        Assert.Equal(["89.160.20.112"], Listed(result, "wl.test"));

        var v6 = result.Lookups.Single(l => l.Outcome.Input == "2a01:4f8:c17:1::1" && l.List.Name == "bl.test");
        Assert.Equal(MessageKeySource.Relay, v6.Source);
        Assert.Contains("[IPv6:2a01:4f8:c17:1::1]", v6.Origin, StringComparison.Ordinal);
        Assert.Equal(3, v6.CountedWeight);
        var obfuscated = result.Lookups.Single(l => l.Outcome.Input == "claim-prize.com" && l.List.Name == "multi.test");
        Assert.Equal((MessageKeySource.Link, 0.5), (obfuscated.Source, obfuscated.CountedWeight));
        Assert.Contains("claim-prize", obfuscated.Origin, StringComparison.Ordinal);
        Assert.Contains(result.Problems, p => p.Kind == MessageProblemKind.MalformedReceived);

        var lines = result.Explain().ToList();
        Assert.Contains(lines, line => line.StartsWith("multi.test listed secure-payout.net from Link", StringComparison.Ordinal) && line.EndsWith("(rule MULTI_B) +1.5", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("bl.test listed 81.2.69.160 from ConnectingClient", StringComparison.Ordinal) && line.EndsWith("(rule RELAY) already counted", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("wl.test listed 89.160.20.112 from Relay", StringComparison.Ordinal) && line.EndsWith("-2", StringComparison.Ordinal));
        Assert.Equal("score +7: Reject", lines[^1]);
    }

    [Fact]
    public async Task CheckCommand_MessageJson_ReportsScoreSourcesAndProblems()
    {
        await using var rbldnsd = await StartAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(
            [
                "check", "--message", CorpusPath, "--no-probe", "--json", "--dns", $"127.0.0.1:{rbldnsd.EndPoint.Port}",
                "--list", "uri:uri.test*2", "--list", "uri:multi.test=anybits:2*1", "--list", "uri:multi.test=anybits:4*1.5",
                "--list", "uri:multi.test=anybits:8*0.5", "--list", "ip:bl.test*3", "--list", "ip:wl.test*-2", "--relays", "AllUntrusted",
            ],
            output, error, CancellationToken.None);

        Assert.True(exitCode == ExitCodes.Listed, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal("listed-links-and-relays.eml", root.GetProperty("input").GetString());
        Assert.Equal(CliScore, root.GetProperty("score").GetDouble());
        Assert.Equal("reject", root.GetProperty("verdict").GetString());
        var listed = root.GetProperty("lists").EnumerateArray().Where(l => l.GetProperty("outcome").GetString() == "listed").ToList();
        Assert.Equal(
            ["bl.test 2a01:4f8:c17:1::1 relay", "bl.test 81.2.69.160 connectingClient", "multi.test claim-prize.com link", "multi.test secure-payout.net link",
             "uri.test claim-prize.com link", "uri.test spam-domain.org link", "wl.test 89.160.20.112 relay"],
            listed.Select(l => $"{l.GetProperty("name").GetString()} {l.GetProperty("input").GetString()} {l.GetProperty("source").GetString()}").Order(StringComparer.Ordinal));
        var v6 = listed.Single(l => l.GetProperty("input").GetString() == "2a01:4f8:c17:1::1");  // wl.test does not list it
        Assert.Contains("[IPv6:2a01:4f8:c17:1::1]", v6.GetProperty("origin").GetString(), StringComparison.Ordinal);
        var payout = listed.Single(l => l.GetProperty("input").GetString() == "secure-payout.net");
        Assert.Equal((2, 2.5), (payout.GetProperty("countedRules").GetArrayLength(), payout.GetProperty("weight").GetDouble()));
        Assert.Contains(root.GetProperty("problems").EnumerateArray(), p => p.GetProperty("kind").GetString() == "malformedReceived");
    }

    [Fact]
    public async Task CheckCommand_MessageTable_ShowsEveryLookupWithItsSource()
    {
        await using var rbldnsd = await StartAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(
            ["check", "--message", CorpusPath, "--no-probe", "--dns", $"127.0.0.1:{rbldnsd.EndPoint.Port}", "--list", "uri:uri.test*2", "--list", "ip:bl.test*3", "--relays", "AllUntrusted"],
            output, error, CancellationToken.None);

        Assert.True(exitCode == ExitCodes.Listed, error.ToString());
        var text = output.ToString();
        Assert.Contains("score 5, Reject", text, StringComparison.Ordinal);
        Assert.Contains("(already", text, StringComparison.Ordinal);
        Assert.Contains("│ Relay ", text, StringComparison.Ordinal);
        Assert.Contains("problem MalformedReceived", text, StringComparison.Ordinal);
    }

    private static string[] Listed(DnsblMessageResult result, string list) =>
        [.. result.Lookups.Where(l => l.List.Name == list && l.Kind == ListOutcomeKind.Listed).Select(l => l.Outcome.Input)];
}

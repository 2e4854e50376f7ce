using System.Net;
using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.IntegrationTests.Lookups;

/// <summary>Issue 2 through the public API: DnsblClient against a real rbldnsd on loopback.</summary>
public sealed class DnsblClientRbldnsdTests : IAsyncLifetime
{
    private RbldnsdServer _rbldnsd = null!;
    private DnsblClient _client = null!;

    public async Task InitializeAsync()
    {
        _rbldnsd = await LookupZones.StartAsync();
        _client = new DnsblClient(new DnsblOptions
        {
            Lists =
            [
                WithText(DnsList.Parse("bl.test=127.0.0.2*3 bl.test=127.0.0.4*2 bl.test=127.0.0.3*1 bl.test=127.0.0.10*1")),
                WithText(DnsList.Parse("dbl.test=127.0.1.2*4", DnsListKind.DomainBlockList)),
            ],
            Nameservers = [_rbldnsd.EndPoint.ToString()],
            Thresholds = { Reject = 3 },
        });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _rbldnsd.DisposeAsync();
    }

    [Fact]
    public async Task CheckAsync_ListedWithTwoRecords_ReportsBothCodesTextAndSummedWeight()
    {
        var result = await _client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        var outcome = Assert.Single(result.Lists, o => o.List.Zone == LookupZones.BlockZone);
        Assert.Equal(ListOutcomeKind.Listed, outcome.Kind);
        Assert.Equal(["127.0.0.2", "127.0.0.4"], outcome.Codes.Select(c => c.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(["Exploited 127.0.0.2", "Listed: 127.0.0.2"], outcome.Text.Order(StringComparer.Ordinal));
        Assert.Equal(5, outcome.Weight);
        Assert.Equal(5, result.Score);
        Assert.Equal(DnsblVerdict.Reject, result.Verdict);
    }

    [Fact]
    public async Task CheckAsync_PolicyBlockCode_MatchesOnlyItsRule()
    {
        var result = await _client.CheckAsync(IPAddress.Parse("192.0.2.99"));

        var outcome = Assert.Single(result.Lists);
        Assert.Equal(["127.0.0.10"], outcome.Codes.Select(c => c.ToString()));
        Assert.Equal(["Policy block 192.0.2.99"], outcome.Text);
        Assert.Equal(1, result.Score);
        Assert.Equal(DnsblVerdict.Accept, result.Verdict);
    }

    [Fact]
    public async Task CheckAsync_UnlistedAddress_IsNotListedAndAccepted()
    {
        var result = await _client.CheckAsync(IPAddress.Parse("10.1.2.3"));

        var outcome = Assert.Single(result.Lists);
        Assert.Equal(ListOutcomeKind.NotListed, outcome.Kind);
        Assert.Empty(outcome.Codes);
        Assert.Equal(0, result.Score);
        Assert.Equal(DnsblVerdict.Accept, result.Verdict);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public async Task CheckAsync_Ipv6InListedPrefix_IsListedFromIp6Trie()
    {
        var listed = await _client.CheckAsync(IPAddress.Parse("2001:db8::5"));
        var clean = await _client.CheckAsync(IPAddress.Parse("2001:db9::5"));

        var outcome = Assert.Single(listed.Lists);
        Assert.Equal(ListOutcomeKind.Listed, outcome.Kind);
        Assert.Equal(["127.0.0.3"], outcome.Codes.Select(c => c.ToString()));
        Assert.Equal(["Documentation v6 2001:db8::5"], outcome.Text);
        Assert.Equal(ListOutcomeKind.NotListed, Assert.Single(clean.Lists).Kind);
    }

    [Fact]
    public async Task CheckDomainAsync_HostUnderListedDomain_IsListedAndCleanDomainIsNot()
    {
        var listed = await _client.CheckDomainAsync("mail.spam.example");
        var clean = await _client.CheckDomainAsync("good.example");

        var outcome = Assert.Single(listed.Lists);
        Assert.Equal(ListOutcomeKind.Listed, outcome.Kind);
        Assert.Equal(["127.0.1.2"], outcome.Codes.Select(c => c.ToString()));
        Assert.Equal(["Spam domain spam.example"], outcome.Text);
        Assert.Equal(DnsblVerdict.Reject, listed.Verdict);
        Assert.Equal(ListOutcomeKind.NotListed, Assert.Single(clean.Lists).Kind);
    }

    [Fact]
    public async Task CheckAsync_SameUnlistedAddressTwice_SecondAnswerComesFromTheNegativeCache()
    {
        var first = await _client.CheckAsync(IPAddress.Parse("10.9.8.7"));

        // The server is gone: only the cache (NXDOMAIN kept for the SOA minimum, RFC 2308) can answer now.
        await _rbldnsd.DisposeAsync();
        var second = await _client.CheckAsync(IPAddress.Parse("10.9.8.7"));

        Assert.False(Assert.Single(first.Lists).FromCache);
        var cached = Assert.Single(second.Lists);
        Assert.True(cached.FromCache);
        Assert.Equal(ListOutcomeKind.NotListed, cached.Kind);
    }

    [Fact]
    public async Task CheckAsync_SameListedAddressTwice_SecondAnswerComesFromTheCache()
    {
        await _client.CheckAsync(IPAddress.Parse("127.0.0.2"));
        await _rbldnsd.DisposeAsync();

        var second = await _client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        var cached = Assert.Single(second.Lists);
        Assert.True(cached.FromCache);
        Assert.Equal(["127.0.0.2", "127.0.0.4"], cached.Codes.Select(c => c.ToString()).Order(StringComparer.Ordinal));
    }

    private static DnsList WithText(DnsList list) => new(list.Zone, list.Kind) { Rules = list.Rules, FetchText = true };
}

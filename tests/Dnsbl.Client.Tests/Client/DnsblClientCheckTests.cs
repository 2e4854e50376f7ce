using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Client;

public sealed class DnsblClientCheckTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedResolver _resolver = new();

    [Fact]
    public async Task CheckAsync_ListedAddress_AddsMatchingRuleWeightsOnce()
    {
        _resolver.Listed("2.0.0.127.bl.test", 300, "127.0.0.2", "127.0.0.4");
        var list = new DnsList("bl.test")
        {
            Rules = [new ReturnCodeRule(ReturnCodeFilter.Parse("127.0.0.[2..3]"), 3), new ReturnCodeRule(ReturnCodeFilter.Parse("127.0.0.4"), 0.5), new ReturnCodeRule(ReturnCodeFilter.Parse("127.0.0.9"), 10)],
        };
        await using var client = ClientFactory.Create(_resolver, _time, null, list);

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        var outcome = Assert.Single(result.Lists);
        Assert.Equal(ListOutcomeKind.Listed, outcome.Kind);
        Assert.Equal(3.5, result.Score);
        Assert.Equal(DnsblVerdict.Reject, result.Verdict);
        Assert.Equal(["127.0.0.2", "127.0.0.4"], outcome.Codes.Select(c => c.ToString()));
        Assert.Equal("2.0.0.127.bl.test", outcome.QueryName);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public async Task CheckAsync_AllowListHit_ScoresNegativeAndAllowLists()
    {
        _resolver.Listed("2.0.0.127.wl.test", 300, "127.0.10.2");
        var block = new DnsList("bl.test");
        var allow = new DnsList("wl.test", DnsListKind.IpAllowList) { Rules = [new ReturnCodeRule(null, -5)] };
        await using var client = ClientFactory.Create(_resolver, _time, null, block, allow);

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(-5, result.Score);
        Assert.Equal(DnsblVerdict.AllowListed, result.Verdict);
        Assert.Equal(ListOutcomeKind.NotListed, result.Lists[0].Kind);
    }

    [Fact]
    public async Task CheckAsync_SecondCheckWithinTtl_AnsweredFromCacheWithoutQuery()
    {
        _resolver.Listed("2.0.0.127.bl.test", 300, "127.0.0.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test"));

        var first = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));
        var second = client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.True(second.IsCompletedSuccessfully);
        Assert.False(first.Lists[0].FromCache);
        Assert.True((await second).Lists[0].FromCache);
        Assert.Equal(1, _resolver.TimesAsked("2.0.0.127.bl.test"));
    }

    [Fact]
    public async Task CheckAsync_AfterTtlExpires_AsksAgain()
    {
        _resolver.Listed("2.0.0.127.bl.test", 120, "127.0.0.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test"));

        await client.CheckAsync(IPAddress.Parse("127.0.0.2"));
        _time.Advance(TimeSpan.FromSeconds(119));
        await client.CheckAsync(IPAddress.Parse("127.0.0.2"));
        Assert.Equal(1, _resolver.TimesAsked("2.0.0.127.bl.test"));

        _time.Advance(TimeSpan.FromSeconds(2));
        await client.CheckAsync(IPAddress.Parse("127.0.0.2"));
        Assert.Equal(2, _resolver.TimesAsked("2.0.0.127.bl.test"));
    }

    [Fact]
    public async Task CheckAsync_NegativeAnswer_CachedForClampedNegativeTtl()
    {
        // The script answers NXDOMAIN with a negative TTL of 300 s; the maximum TTL clamps it to 200 s.
        await using var client = ClientFactory.Create(_resolver, _time, o => o.Cache.MaximumTtl = TimeSpan.FromSeconds(200), new DnsList("bl.test"));

        var first = await client.CheckAsync(IPAddress.Parse("192.0.2.1"));
        _time.Advance(TimeSpan.FromSeconds(199));
        await client.CheckAsync(IPAddress.Parse("192.0.2.1"));
        _time.Advance(TimeSpan.FromSeconds(2));
        await client.CheckAsync(IPAddress.Parse("192.0.2.1"));

        Assert.Equal(ListOutcomeKind.NotListed, first.Lists[0].Kind);
        Assert.Equal(2, _resolver.TimesAsked("1.2.0.192.bl.test"));
    }

    [Fact]
    public async Task CheckAsync_ServerFailure_IsErrorNeverListing()
    {
        _resolver.Status("2.0.0.127.bl.test", DnsRecordType.A, DnsLookupStatus.ServerFailure);
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test"));

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(ListOutcomeKind.Error, result.Lists[0].Kind);
        Assert.Equal(DnsblErrorKind.ServerFailure, result.Lists[0].Error);
        Assert.Equal(0, result.Score);
        Assert.Equal(DnsblVerdict.Accept, result.Verdict);
    }

    [Fact]
    public async Task CheckAsync_OperatorRefusalCode_IsErrorEvenWithoutFilter()
    {
        _resolver.Listed("2.0.0.127.bl.test", 60, "127.255.255.254");
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test"));

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(DnsblErrorKind.OperatorRefusal, result.Lists[0].Error);
        Assert.Equal(0, result.Score);
    }

    [Fact]
    public async Task CheckAsync_AnswerOutsideLoopback_IsAnomalyNotListing()
    {
        _resolver.Listed("2.0.0.127.bl.test", 60, "203.0.113.7");
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test"));

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(DnsblErrorKind.AnswerOutsideLoopback, result.Lists[0].Error);
        Assert.Equal(0, result.Score);
    }

    [Fact]
    public async Task CheckAsync_DeferPolicyAndFailedList_VerdictDefer()
    {
        _resolver.Status("2.0.0.127.bl.test", DnsRecordType.A, DnsLookupStatus.Timeout);
        await using var client = ClientFactory.Create(_resolver, _time, o => o.ErrorPolicy = ErrorPolicy.Defer, new DnsList("bl.test"));

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(DnsblVerdict.Defer, result.Verdict);
    }

    [Fact]
    public async Task CheckAsync_MappedIPv6_QueriesAsIPv4()
    {
        _resolver.Listed("2.0.0.127.bl.test", 60, "127.0.0.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test"));

        var result = await client.CheckAsync(IPAddress.Parse("::ffff:127.0.0.2"));

        Assert.Equal("127.0.0.2", result.Input);
        Assert.Equal(ListOutcomeKind.Listed, result.Lists[0].Kind);
    }

    [Fact]
    public async Task CheckAsync_IPv6_QueriesReversedNibbles()
    {
        var name = "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.bl.test";
        _resolver.Listed(name, 60, "127.0.0.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test"));

        var result = await client.CheckAsync(IPAddress.Parse("2001:db8::1"));

        Assert.Equal(name, result.Lists[0].QueryName);
        Assert.Equal(ListOutcomeKind.Listed, result.Lists[0].Kind);
    }

    [Fact]
    public async Task CheckAsync_ListFetchesText_ReturnsTxt()
    {
        _resolver.Listed("2.0.0.127.bl.test", 60, "127.0.0.2").Answer("2.0.0.127.bl.test", DnsRecordType.TXT, "listed: see https://bl.test/127.0.0.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test") { FetchText = true });

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(["listed: see https://bl.test/127.0.0.2"], result.Lists[0].Text);
    }

    [Fact]
    public async Task CheckDomainAsync_IdnDomain_QueriesPunycode()
    {
        _resolver.Listed("xn--bcher-kva.example.dbl.test", 60, "127.0.1.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("dbl.test", DnsListKind.DomainBlockList), new DnsList("bl.test"));

        var result = await client.CheckDomainAsync("Bücher.Example.");

        var outcome = Assert.Single(result.Lists);
        Assert.Equal(ListOutcomeKind.Listed, outcome.Kind);
        Assert.Equal("xn--bcher-kva.example", result.Input);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("bad domain.example")]
    public async Task CheckDomainAsync_InvalidDomain_ThrowsArgumentException(string domain)
    {
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("dbl.test", DnsListKind.DomainBlockList));

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await client.CheckDomainAsync(domain));
        Assert.Equal(0, _resolver.AskedCount);
    }
}

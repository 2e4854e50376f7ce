using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Lists;

public sealed class PostscreenSiteParserTests
{
    [Fact]
    public void Parse_ZoneOnly_IsBlockListWithOneAnyRuleOfWeightOne()
    {
        var list = DnsList.Parse("ZEN.Spamhaus.org.");
        Assert.Equal("zen.spamhaus.org", list.Zone);
        Assert.Equal(DnsListKind.IpBlockList, list.Kind);
        var rule = Assert.Single(list.Rules);
        Assert.Null(rule.Filter);
        Assert.Equal(1, rule.Weight);
    }

    [Fact]
    public void Parse_FilterAndWeight_BuildsTheRule()
    {
        var list = DnsList.Parse("zen.spamhaus.org=127.0.0.[2..11]*3");
        var rule = Assert.Single(list.Rules);
        Assert.Equal("127.0.0.[2..11]", rule.Filter!.ToString());
        Assert.Equal(3, rule.Weight);
        Assert.Equal(RecordMatchMode.AnyRecord, rule.Mode);
    }

    [Theory]
    [InlineData("list.example*0.5", 0.5)]
    [InlineData("list.example*+2", 2)]
    [InlineData("list.example=127.0.0.0/24*7", 7)]
    [InlineData("list.example=anybits:0x0c*1.25", 1.25)]
    public void Parse_Weights_AreReadInvariantly(string spec, double weight) =>
        Assert.Equal(weight, Assert.Single(DnsList.Parse(spec).Rules).Weight);

    [Fact]
    public void Parse_NegativeWeight_MakesAnIpAllowList()
    {
        var list = DnsList.Parse("list.dnswl.example=127.0.[0..255].[1..3]*-2");
        Assert.Equal(DnsListKind.IpAllowList, list.Kind);
        Assert.True(list.IsAllowList);
        Assert.Equal(-2, Assert.Single(list.Rules).Weight);
    }

    [Fact]
    public void Parse_NegativeWeightOnDomainBlockKind_MakesADomainAllowList() =>
        Assert.Equal(DnsListKind.DomainAllowList, DnsList.Parse("wl.example*-1", DnsListKind.DomainBlockList).Kind);

    [Fact]
    public void Parse_AllowKindWithoutWeight_WeighsMinusOne()
    {
        var list = DnsList.Parse("wl.example", DnsListKind.IpAllowList);
        Assert.Equal(DnsListKind.IpAllowList, list.Kind);
        Assert.Equal(-1, Assert.Single(list.Rules).Weight);
    }

    [Fact]
    public void Parse_UriKindWithNegativeWeight_KeepsItsKind() =>
        Assert.Equal(DnsListKind.UriBlockList, DnsList.Parse("uri.example*-1", DnsListKind.UriBlockList).Kind);

    [Fact]
    public void ParseSites_SameZoneSeveralTimes_MergesIntoOneListWithRulesInOrder()
    {
        var lists = DnsList.ParseSites(
            "zen.spamhaus.org=127.0.0.[10;11]*8, zen.spamhaus.org=127.0.0.[4..7]*6\n\tb.barracudacentral.org*7 zen.spamhaus.org=127.0.0.3*4,,  ");
        Assert.Equal(["zen.spamhaus.org", "b.barracudacentral.org"], lists.Select(l => l.Zone));
        var zen = lists[0];
        Assert.Equal(["127.0.0.[10..11]", "127.0.0.[4..7]", "127.0.0.3"], zen.Rules.Select(r => r.Filter!.ToString()));
        Assert.Equal([8.0, 6.0, 4.0], zen.Rules.Select(r => r.Weight));
        Assert.Equal(DnsListKind.IpBlockList, zen.Kind);
    }

    [Fact]
    public void ParseSites_MixedSignsForOneZone_StaysABlockList()
    {
        var list = Assert.Single(DnsList.ParseSites("mixed.example=127.0.0.2*3 mixed.example=127.0.0.10*-1"));
        Assert.Equal(DnsListKind.IpBlockList, list.Kind);
        Assert.Equal([3.0, -1.0], list.Rules.Select(r => r.Weight));
    }

    [Fact]
    public void ParseSites_AllowAndBlockZones_EachGetTheirKind()
    {
        var lists = DnsList.ParseSites("zen.example*2, list.dnswl.example=127.0.[0..255].[1..3]*-4");
        Assert.Equal(DnsListKind.IpBlockList, lists[0].Kind);
        Assert.Equal(DnsListKind.IpAllowList, lists[1].Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ,\t, ")]
    public void ParseSites_Empty_GivesNoLists(string sites) => Assert.Empty(DnsList.ParseSites(sites));

    [Theory]
    [InlineData("zen.example=127.0.0.[11..2]*3", "zen.example=127.0.0.[11..2]*3", "octet 4: range 11..2 is reversed")]
    [InlineData("zen.example*abc", "zen.example*abc", "weight 'abc' is not a number")]
    [InlineData("zen.example*", "zen.example*", "weight '' is not a number")]
    [InlineData("zen.example*NaN", "zen.example*NaN", "weight 'NaN'")]
    [InlineData("zen.example=", "zen.example=", "filter '': the filter is empty")]
    [InlineData("=127.0.0.2", "=127.0.0.2", "zone '': the name is empty")]
    [InlineData("zen..example=127.0.0.2", "zen..example=127.0.0.2", "label 2 is empty")]
    [InlineData("ok.example, bad!.example*2", "bad!.example*2", "contains '!'")]
    public void ParseSites_InvalidEntry_ThrowsFormatExceptionQuotingTheEntry(string sites, string entry, string problem)
    {
        var exception = Assert.Throws<FormatException>(() => DnsList.ParseSites(sites));
        Assert.Contains($"Invalid DNSBL site \"{entry}\"", exception.Message, StringComparison.Ordinal);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralZones_ThrowsFormatException()
    {
        var exception = Assert.Throws<FormatException>(() => DnsList.Parse("a.example b.example"));
        Assert.Contains("found 2 zones", exception.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => DnsList.Parse("  "));
    }

    [Fact]
    public void Parse_SameZoneTwice_IsOneListWithTwoRules() =>
        Assert.Equal(2, DnsList.Parse("a.example=127.0.0.2*2,a.example=127.0.0.4*3").Rules.Count);
}

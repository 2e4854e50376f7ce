using System.Net;
using System.Reflection;
using Dnsbl.Client.Catalogue;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Catalogue;

public sealed class DnsblCatalogueTests
{
    public static TheoryData<string> Names() =>
    [
        "spamhaus-zen", "spamhaus-sbl", "spamhaus-xbl", "spamhaus-pbl", "spamhaus-dbl", "spamhaus-zrd", "spamcop",
        "barracuda", "psbl", "mailspike-bl", "mailspike-wl", "uceprotect-1", "uceprotect-2", "uceprotect-3", "dnswl",
        "uribl-multi", "surbl-multi",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void TryGet_EveryDocumentedName_FindsASaneEntry(string name)
    {
        Assert.True(DnsblCatalogue.TryGet(name, out var list));
        var entry = DnsblCatalogue.GetEntry(name);
        Assert.Same(entry.List, list);
        Assert.Equal(name, entry.Name);
        Assert.Contains('.', list.Zone);
        Assert.Equal(list.Zone, list.Zone.ToLowerInvariant());
        Assert.NotEmpty(list.Rules);
        Assert.All(list.Rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Name));
            Assert.NotNull(rule.Filter);
            Assert.True(rule.Weight != 0 && double.IsFinite(rule.Weight));
            Assert.Equal(list.IsAllowList, rule.Weight < 0);
        });
        Assert.False(string.IsNullOrWhiteSpace(entry.Description));
        Assert.False(string.IsNullOrWhiteSpace(entry.Terms));
        Assert.False(string.IsNullOrWhiteSpace(entry.WeightSource));
        Assert.Equal("https", entry.Website.Scheme);
        Assert.True(entry.IsAlive);
    }

    [Fact]
    public void Entries_AllCodes_LieInLoopbackAndNeverOverlapErrorCodes()
    {
        foreach (var entry in DnsblCatalogue.Entries)
        {
            for (uint last = 0; last < 256; last++)
            {
                foreach (var third in new uint[] { 0, 1, 2, 255 })
                {
                    var code = new IPAddress([127, 0, (byte)third, (byte)last]);
                    var isError = entry.List.ErrorCodes.Any(f => f.Matches(code));
                    var isRule = entry.List.Rules.Any(r => r.Filter!.Matches(code));
                    Assert.False(isError && isRule, $"{entry.Name}: {code} is both an error code and a listing");
                }
            }
        }
    }

    [Fact]
    public void SpamhausZen_Codes_HaveTheirDocumentedMeanings()
    {
        var zen = DnsblCatalogue.SpamhausZen;
        Assert.Equal("zen.spamhaus.org", zen.Zone);
        Assert.Equal("SBL", RuleFor(zen, "127.0.0.2"));
        Assert.Equal("CSS", RuleFor(zen, "127.0.0.3"));
        Assert.Equal("XBL", RuleFor(zen, "127.0.0.4"));
        Assert.Equal("XBL", RuleFor(zen, "127.0.0.7"));
        Assert.Equal("DROP", RuleFor(zen, "127.0.0.9"));
        Assert.Equal("PBL", RuleFor(zen, "127.0.0.10"));
        Assert.Equal("PBL", RuleFor(zen, "127.0.0.11"));
        Assert.Null(RuleFor(zen, "127.0.0.8"));
        Assert.Contains(zen.ErrorCodes, f => f.Matches(IPAddress.Parse("127.255.255.254")));
    }

    [Fact]
    public void SpamhausDbl_Codes_SeparateAbusedLegitimateAndErrors()
    {
        var dbl = DnsblCatalogue.Get("dbl.spamhaus.org");
        Assert.Equal(DnsListKind.UriBlockList, dbl.Kind);
        Assert.Equal(DomainQueryForm.FullHostName, dbl.DomainForm);
        Assert.Equal("DBL_PHISH", RuleFor(dbl, "127.0.1.4"));
        Assert.Equal("DBL_ABUSED_BOTNET_CC", RuleFor(dbl, "127.0.1.106"));
        Assert.Null(RuleFor(dbl, "127.0.1.255"));
        Assert.Contains(dbl.ErrorCodes, f => f.Matches(IPAddress.Parse("127.0.1.255")));
    }

    [Theory]
    [InlineData("127.0.2.2", "ZRD_VERY_FRESH")]
    [InlineData("127.0.2.24", "ZRD_FRESH")]
    [InlineData("127.0.2.25", null)]
    public void SpamhausZrd_AgeCodes_MapToFreshness(string code, string? rule) =>
        Assert.Equal(rule, RuleFor(DnsblCatalogue.SpamhausZrd, code));

    [Theory]
    [InlineData("127.0.0.2", "URIBL_BLACK")]
    [InlineData("127.0.0.4", "URIBL_GREY")]
    [InlineData("127.0.0.8", "URIBL_RED")]
    public void UriblMulti_Bits_NameTheSublist(string code, string rule)
    {
        Assert.Equal(rule, RuleFor(DnsblCatalogue.UriblMulti, code));
        Assert.Contains(DnsblCatalogue.UriblMulti.ErrorCodes, f => f.Matches(IPAddress.Parse("127.0.0.1")));
    }

    [Fact]
    public void SurblMulti_CombinedBits_MatchEveryPublishedSublist()
    {
        var matched = DnsblCatalogue.SurblMulti.Rules.Where(r => r.Filter!.Matches(IPAddress.Parse("127.0.0.216"))).Select(r => r.Name);
        Assert.Equal(["SURBL_PH", "SURBL_MW", "SURBL_ABUSE", "SURBL_CR"], matched);
    }

    [Theory]
    [InlineData("127.0.2.0", "DNSWL_NONE")]
    [InlineData("127.0.15.1", "DNSWL_LOW")]
    [InlineData("127.0.5.2", "DNSWL_MED")]
    [InlineData("127.0.9.3", "DNSWL_HI")]
    public void Dnswl_TrustLevel_IsTheLastOctet(string code, string rule)
    {
        Assert.Equal(DnsListKind.IpAllowList, DnsblCatalogue.Dnswl.Kind);
        Assert.Equal(rule, RuleFor(DnsblCatalogue.Dnswl, code));
    }

    [Theory]
    [InlineData("sorbs", "2024")]
    [InlineData("dnsbl.sorbs.net", "SORBS")]
    [InlineData("AHBL", "2015")]
    [InlineData("njabl", "2013")]
    [InlineData("dsbl", "2009")]
    [InlineData("rfc-ignorant", "2012")]
    public void Get_RetiredList_ThrowsWithTheReason(string name, string expectedInReason)
    {
        Assert.False(DnsblCatalogue.TryGet(name, out _));
        Assert.True(DnsblCatalogue.IsRetired(name, out var reason));
        Assert.Contains(expectedInReason, reason, StringComparison.Ordinal);
        var exception = Assert.Throws<RetiredListException>(() => DnsblCatalogue.Get(name));
        Assert.Equal(name, exception.ListName);
        Assert.Contains(expectedInReason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownName_ThrowsKeyNotFoundNamingKnownLists()
    {
        var exception = Assert.Throws<KeyNotFoundException>(() => DnsblCatalogue.Get("no-such-list"));
        Assert.Contains("spamhaus-zen", exception.Message, StringComparison.Ordinal);
        Assert.False(DnsblCatalogue.IsRetired("spamhaus-zen", out _));
    }

    private static string? RuleFor(DnsList list, string code) =>
        list.Rules.FirstOrDefault(r => r.Filter!.Matches(IPAddress.Parse(code)))?.Name;
}

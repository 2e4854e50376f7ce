using System.Net;
using Dnsbl.Client.Configuration;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Configuration;

/// <summary>askdns rules on message tags in front of a list zone (issue 14): imported as domain lists, other forms reported.</summary>
public sealed class SpamAssassinAskDnsImportTests
{
    // As 72_active.cf ships them.
    private const string FreshRules = """
        askdns     __FROM_FMBLA_NEWDOM    _AUTHORDOMAIN_.fresh.fmb.la. A /^127\.2\.0\.2$/
        askdns     __FROM_FMBLA_NEWDOM14  _AUTHORDOMAIN_.fresh.fmb.la. A /^127\.2\.0\.14$/
        askdns     __FROM_FMBLA_NDBLOCKED _AUTHORDOMAIN_.fresh.fmb.la. A /^127\.255\.255\.255$/
        meta       FROM_FMBLA_NEWDOM    __FROM_FMBLA_NEWDOM
        meta       FROM_FMBLA_NEWDOM14  __FROM_FMBLA_NEWDOM14
        score      FROM_FMBLA_NEWDOM14  1.0
        meta       FROM_FMBLA_NDBLOCKED __FROM_FMBLA_NDBLOCKED
        askdns    __DKIMWL_WL_HI    _DKIMDOMAIN_.lookup.dkimwl.org A /^127\.\d+\.\d+\.5$/
        askdns   __HELO_DNS _LASTEXTERNALHELO_ A /./
        askdns   __PDS_SPF_ONLYALL _SENDERDOMAIN_ TXT /^v=spf1 \+all$/
        askdns   SENDER_NEW _SENDERDOMAIN_.new.example.net A 127.0.0.3
        askdns   SENDER_TXT _SENDERDOMAIN_.txt.example.net TXT
        askdns   SENDER_ANY _SENDERDOMAIN_.any.example.net
        askdns   SENDER_ODD _SENDERDOMAIN_.odd.example.net A [127.0.0.1,127.0.0.2]
        """;

    private static DnsblImportResult Import() => SpamAssassinImporter.Import(FreshRules.Split('\n'));

    [Fact]
    public void Import_AuthorDomainRules_OneFullHostDomainListOnTheFromDomain()
    {
        var result = Import();

        var fresh = Assert.Single(result.Lists, l => l.Zone == "fresh.fmb.la");
        Assert.Equal((DnsListKind.DomainBlockList, DomainSources.HeaderFrom, DomainQueryForm.FullHostName, ListQueryType.A),
            (fresh.Kind, fresh.DomainSources, fresh.DomainForm, fresh.QueryType));
        Assert.Equal(["__FROM_FMBLA_NEWDOM", "__FROM_FMBLA_NEWDOM14"], fresh.Rules.Select(r => r.Name));
        Assert.All(fresh.Rules, r => Assert.Equal(0, r.Weight)); // sub-rules: only the metas score
        var newdom = fresh.Rules[0].Filter!;
        Assert.True(newdom.Matches(IPAddress.Parse("127.2.0.2")));
        Assert.False(newdom.Matches(IPAddress.Parse("127.2.0.14")));
        Assert.Equal([("FROM_FMBLA_NEWDOM", 1.0), ("FROM_FMBLA_NEWDOM14", 1.0)],
            result.MetaRules.Select(m => (m.Name, m.Weight)).Order());
    }

    [Fact]
    public void Import_NotDelegatedAnswer_IsARefusalCodeNotARule()
    {
        var result = Import();

        Assert.Contains(result.Problems, p => p.Reason.Contains("__FROM_FMBLA_NDBLOCKED is imported as an operator refusal code", StringComparison.Ordinal));
        Assert.DoesNotContain(result.MetaRules, m => m.Name == "FROM_FMBLA_NDBLOCKED");
        Assert.Contains(result.Problems, p => p.Reason.StartsWith("FROM_FMBLA_NDBLOCKED is not imported: it reads refusal rules (__FROM_FMBLA_NDBLOCKED)", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_MetaOverScoreZeroDnsRulesOnly_IsReportedNotDroppedSilently()
    {
        var result = SpamAssassinImporter.Import([
            "header RCVD_IN_OFF eval:check_rbl('off', 'off.example.net.')",
            "score RCVD_IN_OFF 0",
            "meta OFF_META RCVD_IN_OFF",
        ]);

        Assert.Empty(result.MetaRules);
        Assert.Contains(result.Problems, p => p.Reason.StartsWith("OFF_META is not imported: it reads only DNS rules that are disabled by a score of 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_HashBlRule_IsReportedWithItsReason()
    {
        var result = SpamAssassinImporter.Import([@"body GB_HASHBL_BTC eval:check_hashbl_bodyre('bl.btcblack.it', 'raw/max=10/shuffle', '([13][a-km-zA-HJ-NP-Z1-9]{25,34})')"]);

        Assert.Empty(result.Lists);
        Assert.Contains(result.Problems, p => p.Reason.StartsWith("GB_HASHBL_BTC is not imported: HashBL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("__DKIMWL_WL_HI", "does not verify DKIM signatures")]
    [InlineData("__HELO_DNS", "asks a message tag's own records")]
    [InlineData("__PDS_SPF_ONLYALL", "asks a message tag's own records")]
    [InlineData("SENDER_TXT", "TXT records is not supported")]
    [InlineData("SENDER_ODD", "sub-test '[127.0.0.1,127.0.0.2]' is not supported")]
    public void Import_UnsupportedAskDns_IsReportedWithItsReason(string rule, string reason) =>
        Assert.Contains(Import().Problems, p => p.Reason.Contains(rule + " is not imported", StringComparison.Ordinal) && p.Reason.Contains(reason, StringComparison.Ordinal));

    [Fact]
    public void Import_SenderDomainRules_AskTheEnvelopeSenderHost()
    {
        var result = Import();

        var exact = Assert.Single(result.Lists, l => l.Zone == "new.example.net");
        Assert.Equal((DomainSources.MailFrom, "127.0.0.3"), (exact.DomainSources, exact.Rules.Single().Filter!.ToString()));
        var any = Assert.Single(result.Lists, l => l.Zone == "any.example.net");
        Assert.Null(any.Rules.Single().Filter);
    }
}

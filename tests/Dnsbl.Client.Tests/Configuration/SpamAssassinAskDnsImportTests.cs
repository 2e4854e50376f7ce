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
    public void Import_HashBlBodyRegexRaw_IsADomainListOnBodyWords()
    {
        var result = SpamAssassinImporter.Import([@"body GB_HASHBL_BTC eval:check_hashbl_bodyre('bl.btcblack.it', 'raw/max=10/shuffle', '\b(?<!=)([13][a-km-zA-HJ-NP-Z1-9]{25,34})\b')"]);

        var list = Assert.Single(result.Lists);
        Assert.Equal(("bl.btcblack.it", DnsListKind.DomainBlockList, DomainSources.None, KeyHashAlgorithm.None),
            (list.Zone, list.Kind, list.DomainSources, list.KeyHash));
        Assert.Equal(@"\b(?<!=)([13][a-km-zA-HJ-NP-Z1-9]{25,34})\b", list.BodyPattern);
        Assert.Equal(("GB_HASHBL_BTC", 1.0), (list.Rules.Single().Name, list.Rules.Single().Weight));
    }

    [Theory]
    [InlineData("sha1/max=10", KeyHashAlgorithm.Sha1, KeyHashEncoding.Hex)]
    [InlineData("MD5/shuffle", KeyHashAlgorithm.Md5, KeyHashEncoding.Hex)]
    [InlineData("sha256", KeyHashAlgorithm.Sha256, KeyHashEncoding.Base32)]
    [InlineData("", KeyHashAlgorithm.Sha1, KeyHashEncoding.Hex)] // HashBL's default options: sha1/max=10/shuffle
    [InlineData("max=10", KeyHashAlgorithm.None, KeyHashEncoding.Hex)] // options without a hash: asked raw
    public void Import_HashBlBodyRegexHashed_KeysHashedAsHashBlHashesThem(string options, KeyHashAlgorithm hash, KeyHashEncoding encoding)
    {
        var result = SpamAssassinImporter.Import([$"body H_BODY eval:check_hashbl_bodyre('hbl.example.net', '{options}', '\\b(\\w{{8}})\\b')"]);

        var list = Assert.Single(result.Lists);
        Assert.Equal((hash, encoding), (list.KeyHash, list.KeyHashEncoding));
    }

    [Fact]
    public void Plan_HashBlSha1Body_AsksSha1HexOfTheLowerCasedMatch()
    {
        var list = Assert.Single(SpamAssassinImporter.Import([@"body H_BODY eval:check_hashbl_bodyre('hbl.example.net', 'sha1', '\b(WALLET\w+)\b')"]).Lists);

        var plan = Dnsbl.Client.Messages.MessageKeyPlanner.Plan(new Dnsbl.Client.Messages.MessageContext { TextBody = "pay to WALLETabc now" }, new Dnsbl.Client.Messages.MessageOptions(), [list]);

        // HashBL's key, from perl -MDigest::SHA=sha1_hex -e 'print sha1_hex("walletabc")'
        Assert.Equal("e90215f7d76a9b062d72a08d8af001c916689c38", Assert.Single(plan.Lookups).Key);
    }

    [Theory]
    [InlineData("body H1 eval:check_hashbl_bodyre('hbl.example.net', 'sha1/case', '(\\w+)')", "option 'case'")]
    [InlineData("body H2 eval:check_hashbl_bodyre('hbl.example.net', 'raw/max=5', '(\\w+)')", "option 'max=5'")]
    [InlineData("body H3 eval:check_hashbl_bodyre('hbl.example.net', 'raw', '(unclosed')", "body regex cannot be read")]
    [InlineData("header H4 eval:check_hashbl_emails('ebl.example.net')", "check_hashbl_emails")]
    public void Import_OtherHashBlRules_AreReportedWithTheirReason(string line, string reason)
    {
        var result = SpamAssassinImporter.Import([line]);

        Assert.Empty(result.Lists);
        Assert.Contains(result.Problems, p => p.Reason.Contains("is not imported", StringComparison.Ordinal) && p.Reason.Contains(reason, StringComparison.Ordinal));
    }
}

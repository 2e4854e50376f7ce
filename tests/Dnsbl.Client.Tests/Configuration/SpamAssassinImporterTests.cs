using System.Net;
using Dnsbl.Client.Configuration;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Configuration;

public sealed class SpamAssassinImporterTests
{
    internal const string RulesFile = """
        # modelled on 20_dnsbl_tests.cf and 25_uribl.cf
        ifplugin Mail::SpamAssassin::Plugin::DNSEval
        header __RCVD_IN_ZEN            eval:check_rbl('zen', 'zen.spamhaus.org.')
        describe __RCVD_IN_ZEN          Received via a relay in Spamhaus Zen
        tflags __RCVD_IN_ZEN            net
        header RCVD_IN_SBL              eval:check_rbl_sub('zen', '127.0.0.2')
        tflags RCVD_IN_SBL              net
        header RCVD_IN_XBL              eval:check_rbl('zen-lastexternal', 'zen.spamhaus.org.', '^127\.0\.0\.[45678]$')
        header RCVD_IN_PBL              eval:check_rbl('zen-lastexternal', 'zen.spamhaus.org.', '^127\.0\.0\.11$')
        header RCVD_IN_BL_SPAMCOP_NET   eval:check_rbl_txt('spamcop', 'bl.spamcop.net.', '(?i:spamcop)')
        header RCVD_IN_PSBL             eval:check_rbl('psbl-lastexternal', 'psbl.surriel.com.')
        header __RCVD_IN_DNSWL          eval:check_rbl('dnswl-firsttrusted', 'list.dnswl.org.')
        header RCVD_IN_DNSWL_HI         eval:check_rbl_sub('dnswl-firsttrusted', '127.0.\d+.3')
        header RCVD_IN_DNSWL_MED        eval:check_rbl_sub('dnswl-firsttrusted', '^127\.0\.5\.2$')
        tflags RCVD_IN_DNSWL_MED        nice net
        header RCVD_IN_MAPS_RBL         eval:check_rbl('rblplus', 'activationcode.r.mail-abuse.com.', '1')
        header RCVD_IN_RHSBL_ENV        eval:check_rbl_envfrom('rhsbl', 'rhsbl.example.net.')
        askdns DKIMDOMAIN_IN_DWL _DKIMDOMAIN_._vouch.dwl.spamhaus.org TXT
        meta RCVD_IN_ZEN_ANY            RCVD_IN_SBL || RCVD_IN_PSBL
        endif
        urirhssub URIBL_BLACK  multi.uribl.com.  A  2
        urirhssub URIBL_GREY   multi.uribl.com.  A  4
        urirhssub URIBL_DBL_ABUSE multi.uribl.com. A 127.0.1.102-106
        body      URIBL_BLACK  eval:check_uridnsbl('URIBL_BLACK')
        urirhsbl  URIBL_RHS    rhs.example.org.  A
        uridnssub URIBL_SBL    zen.spamhaus.org. A 127.0.0.2
        """;

    internal const string ScoresFile = """
        required_score 6
        score RCVD_IN_SBL 0 2.596 0 0.141 # n=0 n=2
        score RCVD_IN_PSBL 0 2.700 0 2.700
        score RCVD_IN_BL_SPAMCOP_NET 0 1.246 0 1.347
        score RCVD_IN_DNSWL_MED 0 -2.3 0 -2.3
        score RCVD_IN_MAPS_RBL 0
        score URIBL_BLACK 0 1.7 0 1.7
        score URIBL_GREY 1.084
        """;

    private static DnsblImportResult Import() =>
        SpamAssassinImporter.Import(("20_dnsbl.cf", RulesFile), ("50_scores.cf", ScoresFile));

    [Fact]
    public void Import_CheckRblSets_BecomeListsNamedAfterTheSet()
    {
        var lists = Import().Lists;
        var zen = lists.Single(l => l.Name == "zen");
        Assert.Equal("zen.spamhaus.org", zen.Zone);
        Assert.Equal(RelaySelection.AllUntrusted, zen.Relays);
        var sbl = Assert.Single(zen.Rules);
        Assert.Equal("RCVD_IN_SBL", sbl.Name);
        Assert.Equal(0.141, sbl.Weight);
        Assert.Equal("127.0.0.2", sbl.Filter!.ToString());

        var zenLast = lists.Single(l => l.Name == "zen-lastexternal");
        Assert.Equal(RelaySelection.LastExternal, zenLast.Relays);
        var pbl = Assert.Single(zenLast.Rules);
        Assert.Equal(("RCVD_IN_PBL", 1.0), (pbl.Name, pbl.Weight));
        Assert.True(pbl.Filter!.Matches(IPAddress.Parse("127.0.0.11")));
    }

    [Fact]
    public void Import_SpecialCases_TxtAllowAndDomainLists()
    {
        var lists = Import().Lists;
        var spamcop = lists.Single(l => l.Name == "spamcop");
        Assert.True(spamcop.FetchText);
        Assert.Null(Assert.Single(spamcop.Rules).Filter);
        Assert.Equal(1.347, spamcop.Rules[0].Weight);

        var dnswl = lists.Single(l => l.Name == "dnswl-firsttrusted");
        Assert.Equal(DnsListKind.IpAllowList, dnswl.Kind);
        Assert.Equal(RelaySelection.ConnectingClient, dnswl.Relays);
        Assert.Equal(-2.3, Assert.Single(dnswl.Rules).Weight);

        var rhsbl = lists.Single(l => l.Name == "rhsbl");
        Assert.Equal((DnsListKind.DomainBlockList, DomainSources.MailFrom), (rhsbl.Kind, rhsbl.DomainSources));
        Assert.Equal(1.0, Assert.Single(rhsbl.Rules).Weight);
    }

    [Fact]
    public void Import_UriRules_UseBitmasksRangesAndDefaultScores()
    {
        var lists = Import().Lists;
        var uribl = lists.Single(l => l.Zone == "multi.uribl.com");
        Assert.Equal(DnsListKind.UriBlockList, uribl.Kind);
        Assert.Equal("multi.uribl.com", uribl.Name);
        Assert.Equal(["URIBL_BLACK", "URIBL_GREY", "URIBL_DBL_ABUSE"], uribl.Rules.Select(r => r.Name));
        Assert.Equal([1.7, 1.084, 1.0], uribl.Rules.Select(r => r.Weight));
        Assert.Equal(ReturnCodeFilter.AnyBits(2), uribl.Rules[0].Filter);
        Assert.True(uribl.Rules[2].Filter!.Matches(IPAddress.Parse("127.0.1.106")));
        Assert.False(uribl.Rules[2].Filter!.Matches(IPAddress.Parse("127.0.1.107")));
        Assert.Null(Assert.Single(lists.Single(l => l.Zone == "rhs.example.org").Rules).Filter);
        Assert.Equal(8, lists.Count);
    }

    [Fact]
    public void Import_RequiredScore_BecomesTheRejectThreshold()
    {
        var thresholds = Import().Thresholds;
        Assert.Equal(6, thresholds.Reject);
        Assert.Null(thresholds.AllowList);
        Assert.Equal(5, SpamAssassinImporter.Import(["score X 1"]).Thresholds.Reject);
    }

    [Theory]
    [InlineData("20_dnsbl.cf", 8, "regular expression")]
    [InlineData("20_dnsbl.cf", 10, "TXT regular expression")]
    [InlineData("20_dnsbl.cf", 13, "regular expression")]
    [InlineData("20_dnsbl.cf", 16, "no scored rule")]
    [InlineData("20_dnsbl.cf", 18, "askdns")]
    [InlineData("20_dnsbl.cf", 19, "meta rules")]
    [InlineData("20_dnsbl.cf", 26, "name servers")]
    [InlineData("50_scores.cf", 6, "score of 0")]
    public void Import_UnsupportedLines_AreReportedWithFileAndLine(string file, int line, string reason)
    {
        var problems = Import().Problems;
        Assert.Contains(problems, p => p.FileName == file && p.Line == line && p.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Import_EveryProblem_IsAccountedForInFileOrder()
    {
        var problems = Import().Problems;
        Assert.Equal(8, problems.Count);
        Assert.Equal("50_scores.cf", problems[^1].FileName);
    }

    [Fact]
    public void Import_SubTestOnUnknownSet_IsReported()
    {
        var result = SpamAssassinImporter.Import(["header X eval:check_rbl_sub('nowhere', '127.0.0.2')"]);
        Assert.Empty(result.Lists);
        Assert.Contains("no check_rbl defines", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }
}

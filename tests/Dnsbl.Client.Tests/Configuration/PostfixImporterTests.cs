using System.Net;
using Dnsbl.Client.Configuration;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Configuration;

public sealed class PostfixImporterTests
{
    internal const string MainCf = """
        # /etc/postfix/main.cf (excerpt)
        smtpd_banner = $myhostname ESMTP
        postscreen_dnsbl_threshold = 3
        postscreen_dnsbl_sites =
            zen.spamhaus.org=127.0.0.[2..11]*3,
            bl.spamcop.net*2
            list.dnswl.org=127.0.[0..255].[1..3]*-2
            $extra_dnsbl_sites
            bad..zone*1
        postscreen_dnsbl_allowlist_threshold = -1
        postscreen_dnsbl_action = enforce
        postscreen_dnsbl_reply_map = texthash:/etc/postfix/dnsbl_reply
        smtpd_recipient_restrictions =
            permit_mynetworks,
            reject_unauth_destination,
            permit_dnswl_client list.dnswl.org,
            reject_rbl_client zen.spamhaus.org,
            reject_rbl_client b.barracudacentral.org=127.0.0.2,
            reject_rhsbl_sender dbl.spamhaus.org=127.0.1.[2..99]
            reject_rhsbl_helo dbl.spamhaus.org=127.0.1.[2..99]
            reject_rbl
        """;

    [Fact]
    public void Import_PostscreenSites_KeepFiltersWeightsAndKinds()
    {
        var result = PostfixImporter.Import(MainCf);
        var zen = result.Lists.Single(l => l.Zone == "zen.spamhaus.org");
        Assert.Equal(DnsListKind.IpBlockList, zen.Kind);
        var rule = Assert.Single(zen.Rules);
        Assert.Equal(3, rule.Weight);
        Assert.True(rule.Filter!.Matches(IPAddress.Parse("127.0.0.11")));
        Assert.False(rule.Filter.Matches(IPAddress.Parse("127.0.0.12")));

        var spamcop = result.Lists.Single(l => l.Zone == "bl.spamcop.net");
        Assert.Equal(2, Assert.Single(spamcop.Rules).Weight);

        var dnswl = result.Lists.Single(l => l.Zone == "list.dnswl.org");
        Assert.Equal(DnsListKind.IpAllowList, dnswl.Kind);
        Assert.Equal(-2, Assert.Single(dnswl.Rules).Weight);
    }

    [Fact]
    public void Import_Thresholds_ComeFromPostscreen()
    {
        var result = PostfixImporter.Import(MainCf);
        Assert.Equal(3, result.Thresholds.Reject);
        Assert.Equal(-1, result.Thresholds.AllowList);
        Assert.Null(result.Thresholds.Tag);
    }

    [Fact]
    public void Import_Restrictions_BecomeListsThatDecideAlone()
    {
        var result = PostfixImporter.Import(MainCf);
        var barracuda = result.Lists.Single(l => l.Zone == "b.barracudacentral.org");
        Assert.Equal(3, Assert.Single(barracuda.Rules).Weight);
        Assert.Equal("127.0.0.2", barracuda.Rules[0].Filter!.ToString());

        var dbl = Assert.Single(result.Lists, l => l.Zone == "dbl.spamhaus.org");
        Assert.Equal(DnsListKind.DomainBlockList, dbl.Kind);
        Assert.Equal(DomainSources.MailFrom | DomainSources.Helo, dbl.DomainSources);
        Assert.Single(result.Lists, l => l.Zone == "zen.spamhaus.org");
        Assert.Single(result.Lists, l => l.Zone == "list.dnswl.org");
        Assert.Equal(5, result.Lists.Count);
    }

    [Theory]
    [InlineData(8, "$extra_dnsbl_sites", "not expanded")]
    [InlineData(9, "bad..zone*1", "bad..zone")]
    [InlineData(11, "postscreen_dnsbl_action = enforce", "not imported")]
    [InlineData(12, "postscreen_dnsbl_reply_map = texthash:/etc/postfix/dnsbl_reply", "reply map")]
    [InlineData(16, "list.dnswl.org", "already imported from postscreen_dnsbl_sites")]
    [InlineData(17, "zen.spamhaus.org", "already imported from postscreen_dnsbl_sites")]
    [InlineData(21, "reject_rbl", "obsolete")]
    public void Import_UnsupportedLines_AreReportedWithTheirLine(int line, string text, string reason)
    {
        var problems = PostfixImporter.Import(MainCf).Problems;
        Assert.Contains(problems, p => p.Line == line && p.Text == text && p.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Import_EveryProblem_IsAccountedFor() =>
        Assert.Equal(7, PostfixImporter.Import(MainCf).Problems.Count);

    [Fact]
    public void Import_PermitWithoutAllowListThreshold_SetsOneAndSaysSo()
    {
        var result = PostfixImporter.Import("""
            smtpd_client_restrictions = permit_dnswl_client list.dnswl.org=127.0.[0..255].[2..3], reject_rhsbl_client dbl.spamhaus.org
            """);
        Assert.Equal(-1, result.Thresholds.AllowList);
        var dnswl = result.Lists.Single(l => l.Zone == "list.dnswl.org");
        Assert.Equal(DnsListKind.IpAllowList, dnswl.Kind);
        Assert.Equal(-1, Assert.Single(dnswl.Rules).Weight);
        Assert.Equal(DomainSources.ReverseDns, result.Lists.Single(l => l.Zone == "dbl.spamhaus.org").DomainSources);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("allow-list threshold", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_RepeatedParameter_LastWinsAndEarlierIsReported()
    {
        var result = PostfixImporter.Import("""
            postscreen_dnsbl_threshold = 2
            postscreen_dnsbl_threshold = 4
            """);
        Assert.Equal(4, result.Thresholds.Reject);
        Assert.Null(result.Thresholds.AllowList);
        Assert.Equal(1, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public void Import_NoDnsSettings_GivesPostfixDefaults()
    {
        var result = PostfixImporter.Import("myhostname = mx.example.test\n");
        Assert.Empty(result.Lists);
        Assert.Empty(result.Problems);
        Assert.Equal(1, result.Thresholds.Reject);
    }
}

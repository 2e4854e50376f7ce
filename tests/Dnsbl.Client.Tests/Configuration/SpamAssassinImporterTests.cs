using Microsoft.Extensions.Configuration;
using System.Net;
using Dnsbl.Client.Configuration;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Configuration;

public sealed class SpamAssassinImporterTests
{
    internal const string RulesFile = """
        # modelled on 20_dnsbl_tests.cf, 25_dnswl.cf, 20_mailspike.cf and 25_uribl.cf
        ifplugin Mail::SpamAssassin::Plugin::DNSEval
        header __RCVD_IN_ZEN            eval:check_rbl('zen', 'zen.spamhaus.org.')
        tflags __RCVD_IN_ZEN            net
        header RCVD_IN_SBL              eval:check_rbl_sub('zen', '127.0.0.2')
        header RCVD_IN_XBL              eval:check_rbl('zen-lastexternal', 'zen.spamhaus.org.', '^127\.0\.0\.[4567]$')
        header RCVD_IN_PBL              eval:check_rbl('zen-lastexternal', 'zen.spamhaus.org.', '^127\.0\.0\.1[01]$')
        header RCVD_IN_ZEN_BLOCKED      eval:check_rbl('zen-lastexternal', 'zen.spamhaus.org.', '^127\.255\.255\.255$')
        header RCVD_IN_BL_SPAMCOP_NET   eval:check_rbl_txt('spamcop', 'bl.spamcop.net.', '(?i:spamcop)')
        header RCVD_IN_VALIDITY_SAFE    eval:check_rbl_txt('ssc-firsttrusted','sa-accredit.habeas.com.')
        tflags RCVD_IN_VALIDITY_SAFE    net nice
        header RCVD_IN_PSBL             eval:check_rbl('psbl-notfirsthop', 'psbl.surriel.com.')
        header RCVD_IN_UNTRUSTED        eval:check_rbl('any-untrusted', 'untrusted.example.net.', '127\.0\.0\.2')
        header __RCVD_IN_DNSWL          eval:check_rbl('dnswl-firsttrusted', 'list.dnswl.org.')
        tflags __RCVD_IN_DNSWL          nice net
        header RCVD_IN_DNSWL_HI         eval:check_rbl_sub('dnswl-firsttrusted', '^127\.0\.\d+\.3$')
        tflags RCVD_IN_DNSWL_HI         nice net
        header RCVD_IN_DNSWL_BLOCKED    eval:check_rbl_sub('dnswl-firsttrusted', '^127\.0\.\d+\.255$')
        dns_block_rule RCVD_IN_DNSWL_BLOCKED list.dnswl.org
        header RCVD_IN_MAPS_RBL         eval:check_rbl('rblplus', 'activationcode.r.mail-abuse.com.', '1')
        header RCVD_IN_RHSBL_ENV        eval:check_rbl_envfrom('rhsbl', 'rhsbl.example.net.')
        header RCVD_IN_FROM_DOM         eval:check_rbl_from_domain('fromdom', 'fromdom.example.net.', '127.0.0.2')
        header RCVD_IN_HDRS             eval:check_rbl_headers('hdrs', 'hdrs.example.net.', '127.0.0.2', 'EnvelopeFrom,Reply-To')
        askdns DKIMDOMAIN_IN_DWL _DKIMDOMAIN_._vouch.dwl.spamhaus.org TXT
        header __MSPIKE_Z               eval:check_rbl_sub('zen', '127.0.0.3')
        meta   ZEN_COMBO                (RCVD_IN_SBL + __MSPIKE_Z) > 1
        meta   ZEN_OR_PSBL              RCVD_IN_SBL || RCVD_IN_PSBL
        body   __LOCAL_BODY             /cheap/
        meta   MIXED_META               RCVD_IN_SBL && __LOCAL_BODY
        meta   LOCAL_ONLY               __LOCAL_BODY
        endif
        urirhssub URIBL_BLACK      multi.uribl.com.  A  2
        urirhssub URIBL_BLOCKED    multi.uribl.com.  A  1
        urirhssub URIBL_DBL_SPAM   dbl.spamhaus.org. A  127.0.1.2
        tflags    URIBL_DBL_SPAM   net domains_only notrim
        urirhssub URIBL_DBL_ABUSE  dbl.spamhaus.org. A  127.0.1.102-127.0.1.106
        tflags    URIBL_DBL_ABUSE  net domains_only notrim
        urirhsbl  URIBL_RHS        rhs.example.org.  A
        uridnssub URIBL_SBL        zen.spamhaus.org. A 127.0.0.2
        uridnsbl_skip_domain       Example.COM example.net
        uridnsbl_max_domains       12
        """;

    internal const string ScoresFile = """
        required_score 6
        score RCVD_IN_SBL 0 2.596 0 0.141 # n=0 n=2
        score RCVD_IN_XBL 0 0.724 0 0.375
        score RCVD_IN_PBL 0 3.558 0 3.335
        score RCVD_IN_PSBL 0 2.700 0 2.700
        score RCVD_IN_PSBL (0.3)
        score RCVD_IN_BL_SPAMCOP_NET 0 1.246 0 1.347
        score RCVD_IN_DNSWL_HI 0 -5 0 -5
        score RCVD_IN_MAPS_RBL 0
        score URIBL_BLACK 0 1.7 0 1.7
        score ZEN_COMBO 1.5
        """;

    private static DnsblImportResult Import(int scoreSet = 1) =>
        SpamAssassinImporter.Import(new SpamAssassinImportOptions { ScoreSet = scoreSet }, ("20_dnsbl.cf", RulesFile), ("50_scores.cf", ScoresFile));

    private static ReturnCodeRule RuleNamed(DnsblImportResult result, string name) =>
        result.Lists.SelectMany(l => l.Rules).Single(r => r.Name == name);

    private static DnsList ListWith(DnsblImportResult result, string ruleName) =>
        result.Lists.Single(l => l.Rules.Any(r => r.Name == ruleName));

    [Fact]
    public void Import_CheckRblSets_BecomeListsWithTheSetsRelaysAndSubRules()
    {
        var result = Import();
        var zen = result.Lists.Single(l => l.Name == "zen");
        Assert.Equal(("zen.spamhaus.org", RelaySelection.AllUntrusted), (zen.Zone, zen.Relays));
        Assert.Equal(["__RCVD_IN_ZEN", "RCVD_IN_SBL", "__MSPIKE_Z"], zen.Rules.Select(r => r.Name));
        Assert.Equal([0, 2.596, 0], zen.Rules.Select(r => r.Weight));

        var last = result.Lists.Single(l => l.Name == "zen-lastexternal");
        Assert.Equal(RelaySelection.LastExternal, last.Relays);
        Assert.Equal(["RCVD_IN_XBL", "RCVD_IN_PBL"], last.Rules.Select(r => r.Name));
        Assert.Equal("127.0.0.[4..7]", last.Rules[0].Filter!.ToString());
        Assert.Equal("127.0.0.[10..11]", last.Rules[1].Filter!.ToString());
        Assert.Equal(RelaySelection.FirstTrusted, ListWith(result, "RCVD_IN_DNSWL_HI").Relays);
        Assert.Equal(RelaySelection.NotFirstHop, ListWith(result, "RCVD_IN_PSBL").Relays);
        Assert.Equal(RelaySelection.AllUntrusted, ListWith(result, "RCVD_IN_UNTRUSTED").Relays);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(1, 2.596)]
    [InlineData(3, 0.141)]
    public void Import_ScoreSet_PicksThatScoreOfFourValueLines(int scoreSet, double expected)
    {
        var result = Import(scoreSet);

        if (expected == 0)
        {
            Assert.DoesNotContain(result.Lists.SelectMany(l => l.Rules), r => r.Name == "RCVD_IN_SBL");
            Assert.Contains(result.Problems, p => p.Reason.Contains("RCVD_IN_SBL has a score of 0 in score set 0", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(expected, RuleNamed(result, "RCVD_IN_SBL").Weight);
        }

        Assert.Equal(scoreSet, result.ScoreSet);
    }

    [Fact]
    public void Import_ScoreDefaultsAndRelativeScores_FollowSpamAssassin()
    {
        var result = Import();

        Assert.Equal(3.0, RuleNamed(result, "RCVD_IN_PSBL").Weight); // 2.7 then (0.3)
        Assert.Equal(-1.0, RuleNamed(result, "RCVD_IN_VALIDITY_SAFE").Weight); // no score, tflags nice
        Assert.Equal(1.0, RuleNamed(result, "RCVD_IN_UNTRUSTED").Weight); // no score
        var testing = SpamAssassinImporter.Import(["header T_RCVD_IN_NEW eval:check_rbl('new', 'new.example.net.')"]);
        Assert.Equal(0.01, Assert.Single(Assert.Single(testing.Lists).Rules).Weight);
        Assert.Contains(result.Problems, p => p.Reason.StartsWith("RCVD_IN_MAPS_RBL has a score of 0", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Lists, l => l.Zone == "activationcode.r.mail-abuse.com");
    }

    [Fact]
    public void Import_SubTests_KeepSpamAssassinsMatching()
    {
        var result = Import();
        var hi = RuleNamed(result, "RCVD_IN_DNSWL_HI").Filter!;
        Assert.True(hi.Matches(IPAddress.Parse("127.0.15.3")));
        Assert.False(hi.Matches(IPAddress.Parse("127.0.15.2")));

        // Unanchored, as SpamAssassin matches it: 127.0.0.20 contains "127.0.0.2".
        var unanchored = RuleNamed(result, "RCVD_IN_UNTRUSTED").Filter!;
        Assert.StartsWith("regex:", unanchored.ToString(), StringComparison.Ordinal);
        Assert.True(unanchored.Matches(IPAddress.Parse("127.0.0.20")));
        Assert.False(unanchored.Matches(IPAddress.Parse("127.0.0.3")));
    }

    [Fact]
    public void Import_TxtRules_AskTxtOnlyAndMatchTheExpressionAgainstTheText()
    {
        var result = Import();
        var spamcop = ListWith(result, "RCVD_IN_BL_SPAMCOP_NET");
        Assert.Equal((ListQueryType.Txt, false), (spamcop.QueryType, spamcop.FetchText));
        Assert.Equal(1.246, spamcop.Rules[0].Weight);
        Assert.Equal("regex:(?i:spamcop)", spamcop.Rules[0].Filter!.ToString());
        Assert.DoesNotContain(result.Problems, p => p.Reason.Contains("spamcop", StringComparison.OrdinalIgnoreCase));
        var safe = ListWith(result, "RCVD_IN_VALIDITY_SAFE");
        Assert.Equal((DnsListKind.IpAllowList, ListQueryType.Txt), (safe.Kind, safe.QueryType));
        Assert.Null(safe.Rules[0].Filter); // no expression: any TXT record hits
        Assert.Equal(ListQueryType.A, ListWith(result, "RCVD_IN_PSBL").QueryType);
    }

    [Fact]
    public void Import_TxtRuleWithAnUnreadableExpression_IsReportedNotImported()
    {
        var result = SpamAssassinImporter.Import(["header RCVD_IN_BAD_TXT eval:check_rbl_txt('bad', 'bad.example.net.', '(unclosed')"]);
        Assert.Empty(result.Lists);
        Assert.Contains(result.Problems, p => p.Reason.Contains("RCVD_IN_BAD_TXT", StringComparison.Ordinal) && p.Reason.Contains("TXT expression", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_DomainRules_AskTheirAddressHeaders()
    {
        var result = Import();
        var envFrom = ListWith(result, "RCVD_IN_RHSBL_ENV");
        Assert.Equal((DnsListKind.DomainBlockList, DomainSources.MailFrom, DomainQueryForm.FullHostName), (envFrom.Kind, envFrom.DomainSources, envFrom.DomainForm));
        var fromDomain = ListWith(result, "RCVD_IN_FROM_DOM");
        Assert.Equal((DomainSources.HeaderFrom, DomainQueryForm.RegistryBoundaries), (fromDomain.DomainSources, fromDomain.DomainForm));
        Assert.Equal(DomainSources.MailFrom | DomainSources.ReplyTo, ListWith(result, "RCVD_IN_HDRS").DomainSources);
    }

    [Fact]
    public void Import_UriRules_FollowTheirTflags()
    {
        var result = Import();
        var uribl = ListWith(result, "URIBL_BLACK");
        Assert.Equal((DnsListKind.UriBlockList, DomainQueryForm.RegistryBoundaries, true), (uribl.Kind, uribl.DomainForm, uribl.QueriesIpAddresses));
        Assert.Equal("anybits:0x2", uribl.Rules.Single(r => r.Name == "URIBL_BLACK").Filter!.ToString());
        var dbl = ListWith(result, "URIBL_DBL_SPAM");
        Assert.Equal((DomainQueryForm.FullHostName, false), (dbl.DomainForm, dbl.QueriesIpAddresses));
        Assert.Equal("127.0.1.[102..106]", RuleNamed(result, "URIBL_DBL_ABUSE").Filter!.ToString());
        Assert.Null(RuleNamed(result, "URIBL_RHS").Filter);
        Assert.Contains(result.Problems, p => p.Text.StartsWith("uridnssub URIBL_SBL", StringComparison.Ordinal) && p.Reason.Contains("never asks a list", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_RefusalRules_BecomeErrorCodesNeverListings()
    {
        var result = Import();
        var uribl = ListWith(result, "URIBL_BLACK");
        Assert.DoesNotContain(uribl.Rules, r => r.Name == "URIBL_BLOCKED");
        Assert.Contains(uribl.ErrorCodes, c => c.Matches(IPAddress.Parse("127.0.0.1")));
        var dnswl = ListWith(result, "RCVD_IN_DNSWL_HI");
        Assert.True(dnswl.ErrorCodes.Single().Matches(IPAddress.Parse("127.0.9.255")));
        Assert.All(result.Lists.Where(l => l.Zone == "zen.spamhaus.org"), l => Assert.Contains(l.ErrorCodes, c => c.ToString() == "127.255.255.255"));
        Assert.Contains(result.Problems, p => p.Reason.StartsWith("URIBL_BLOCKED is imported as an operator refusal code of multi.uribl.com", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_MetaRules_OverDnsRulesAreImportedAndMixedOnesReported()
    {
        var result = Import();

        Assert.Equal(["ZEN_COMBO", "ZEN_OR_PSBL"], result.MetaRules.Select(m => m.Name));
        Assert.Equal(1.5, result.MetaRules[0].Weight);
        Assert.Contains(result.Problems, p => p.Reason.StartsWith("MIXED_META is not imported: it combines DNS rules with rules SpamAssassin tests locally (__LOCAL_BODY)", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Problems, p => p.Text.Contains("LOCAL_ONLY", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", 50_000, false)] // not set: SpamAssassin's default
    [InlineData("body_part_scan_size 0", 0, false)] // 0 reads every part whole, as in SpamAssassin
    [InlineData("body_part_scan_size 120000", 120_000, false)]
    [InlineData("body_part_scan_size lots", 50_000, true)]
    public void Import_BodyPartScanSize_BecomesMessageOption(string line, int expected, bool problem)
    {
        var result = SpamAssassinImporter.Import(new SpamAssassinImportOptions(), ("local.cf", line + "\nuridnsbl_max_domains 20\n"));

        Assert.Equal(expected, result.MessageOptions!.BodyPartScanSize);
        Assert.Equal(problem, result.Problems.Any(p => p.Text.Contains("body_part_scan_size", StringComparison.Ordinal)));
    }

    [Fact]
    public void Import_UriSettings_BecomeMessageOptions()
    {
        var message = Import().MessageOptions!;
        Assert.Equal(["example.com", "example.net"], message.SkipDomains);
        Assert.Equal(12, message.MaxUriDomains);
        Assert.False(message.IncludeMailtoLinks);
        Assert.Equal(6, Import().Thresholds.Reject);
    }

    [Theory]
    [InlineData("header X eval:check_rbl('a', 'b.example.', 'sb:1')", "SenderBase")]
    [InlineData("header X eval:check_rbl('a', 'b.example.', '0')", "a bitmask of 0 matches nothing")]
    [InlineData("header X eval:check_rbl('a', 'b.example.', '[')", "is not valid")]
    [InlineData("header X eval:check_rbl_ns_from('a', 'b.example.')", "check_rbl_ns_from with 2 arguments is not supported")]
    [InlineData("header X eval:check_rbl_sub('nowhere', '127.0.0.2')", "no enabled check_rbl rule launches lookups for set 'nowhere'")]
    [InlineData("score X 1 2", "1 or 4 scores")]
    [InlineData("score X (1)", "a relative score needs an earlier score")]
    [InlineData("urirhssub X zone.example. A 1/0.0.0.7", "masks part of an octet")]
    [InlineData("urirhssub X zone.example. TXT 2", "only A lookups")]
    public void Import_UnusableLine_IsReportedWithLineAndReason(string line, string reason)
    {
        var result = SpamAssassinImporter.Import(["# first", line]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LaterDefinition_ReplacesEarlierOne()
    {
        var result = SpamAssassinImporter.Import([
            "header RCVD_X eval:check_rbl('x', 'old.example.')",
            "header RCVD_X eval:check_rbl('x', 'new.example.')",
        ]);

        Assert.Equal("new.example", Assert.Single(result.Lists).Zone);
    }
}

public sealed class SpamAssassinImportJsonTests
{
    [Fact]
    public void Write_SpamAssassinImport_BindsBackWithMetaRulesAndMessageOptions()
    {
        var import = SpamAssassinImporter.Import(("20_dnsbl.cf", SpamAssassinImporterTests.RulesFile), ("50_scores.cf", SpamAssassinImporterTests.ScoresFile));
        var json = DnsblConfigurationJson.Write(import);
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
        var options = new DnsblOptions();

        DnsblOptionsBinder.Bind(configuration.GetSection("Dnsbl"), options);

        Assert.Empty(options.BindingErrors);
        Assert.Equal(import.Lists.Select(l => (l.Name, l.Zone, l.Relays, l.Rules.Count, l.ErrorCodes.Count)),
            options.Lists.Select(l => (l.Name, l.Zone, l.Relays, l.Rules.Count, l.ErrorCodes.Count)));
        Assert.Equal(import.MetaRules.Select(m => (m.Name, m.Expression, m.Weight)), options.MetaRules.Select(m => (m.Name, m.Expression, m.Weight)));
        Assert.Equal(["example.com", "example.net"], options.Message.SkipDomains);
        Assert.Equal((12, true), (options.Message.MaxUriDomains, !options.Message.IncludeMailtoLinks));
        var unanchored = options.Lists.SelectMany(l => l.Rules).Single(r => r.Name == "RCVD_IN_UNTRUSTED").Filter!;
        Assert.True(unanchored.Matches(System.Net.IPAddress.Parse("127.0.0.21")));
    }

    [Fact]
    public void Bind_InvalidMetaExpression_IsABindingErrorNamingTheKey()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dnsbl:MetaRules:0:Name"] = "BAD",
            ["Dnsbl:MetaRules:0:Expression"] = "A &&",
        }).Build();
        var options = new DnsblOptions();

        DnsblOptionsBinder.Bind(configuration.GetSection("Dnsbl"), options);

        Assert.Contains(options.BindingErrors, e => e.StartsWith("Dnsbl:MetaRules:0:Expression: Invalid meta expression", StringComparison.Ordinal));
    }
}

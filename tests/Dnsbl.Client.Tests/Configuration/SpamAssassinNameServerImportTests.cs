using Dnsbl.Client.Configuration;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.DependencyInjection;

namespace Dnsbl.Client.Tests.Configuration;

/// <summary>The address- and name-server-based URI rules (uridnssub, urinsrhssub, urifullnsrhssub), from the shipped 25_uribl.cf.</summary>
public sealed class SpamAssassinNameServerImportTests
{
    private static DnsblImportResult ImportShippedUribl(NameServerRuleMode mode) => SpamAssassinImporter.Import(
        new SpamAssassinImportOptions { NameServerRules = mode },
        ("25_uribl.cf", File.ReadAllText(Path.Combine(SpamAssassinRulesDirectoryFactAttribute.Directory, "25_uribl.cf"))),
        ("50_scores.cf", File.ReadAllText(Path.Combine(SpamAssassinRulesDirectoryFactAttribute.Directory, "50_scores.cf"))));

    private static DnsList ListWith(DnsblImportResult result, string rule) => result.Lists.Single(l => l.Rules.Any(r => r.Name == rule));

    [SpamAssassinRulesDirectoryFact]
    public void Import_ShippedUriblAsSpamAssassin4Runs_ARulesAskHostAndNameServerAddresses()
    {
        var result = ImportShippedUribl(NameServerRuleMode.AsSpamAssassin4Runs);

        var zen = ListWith(result, "URIBL_SBL_A");
        Assert.Same(zen, ListWith(result, "URIBL_CSS_A"));
        Assert.Equal(("zen.spamhaus.org", DnsListKind.UriBlockList, UriLookupVia.HostAddresses | UriLookupVia.NameServerAddresses, false),
            (zen.Zone, zen.Kind, zen.UriLookup, zen.QueriesIpAddresses));
        Assert.Equal([("URIBL_SBL_A", 0.1, "127.0.0.2"), ("URIBL_CSS_A", 0.1, "127.0.0.3")], zen.Rules.Select(r => (r.Name!, r.Weight, r.Filter!.ToString())));
        Assert.Contains(zen.ErrorCodes, c => c.ToString() == "127.255.255.255");
    }

    [SpamAssassinRulesDirectoryFact]
    public void Import_ShippedUriblAsSpamAssassin4Runs_NsRulesReportedAsNeverHitting()
    {
        var result = ImportShippedUribl(NameServerRuleMode.AsSpamAssassin4Runs);

        Assert.DoesNotContain(result.Lists.SelectMany(l => l.Rules), r => r.Name is "URIBL_SBL" or "URIBL_CSS");
        foreach (var rule in new[] { "URIBL_SBL", "URIBL_CSS" })
        {
            var problem = Assert.Single(result.Problems, p => p.Reason.StartsWith(rule + " is not imported", StringComparison.Ordinal));
            Assert.Contains("never asks a list", problem.Reason, StringComparison.Ordinal);
            Assert.Equal("25_uribl.cf", problem.FileName);
        }

        Assert.Contains(result.Problems, p => p.Reason.StartsWith("URIBL_ZEN_BLOCKED is imported as an operator refusal code", StringComparison.Ordinal));
    }

    [SpamAssassinRulesDirectoryFact]
    public void Import_ShippedUriblAsDocumented_NsRulesAskNameServerAddressesARulesHostAddresses()
    {
        var result = ImportShippedUribl(NameServerRuleMode.AsDocumented);

        var ns = ListWith(result, "URIBL_SBL");
        var a = ListWith(result, "URIBL_SBL_A");
        Assert.Equal((UriLookupVia.NameServerAddresses, 0.644), (ns.UriLookup, ns.Rules.Single(r => r.Name == "URIBL_SBL").Weight));
        Assert.Same(ns, ListWith(result, "URIBL_CSS"));
        Assert.Equal(UriLookupVia.HostAddresses, a.UriLookup);
        Assert.NotEqual(ns.Name, a.Name);
    }

    [Theory]
    [InlineData("urinsrhssub", "127.0.0.2", DomainQueryForm.RegistryBoundaries)]
    [InlineData("urinsrhsbl", null, DomainQueryForm.RegistryBoundaries)]
    [InlineData("urifullnsrhssub", "127.0.0.2", DomainQueryForm.FullHostName)]
    [InlineData("urifullnsrhsbl", null, DomainQueryForm.FullHostName)]
    public void Import_NameServerNameRules_AskNameServerNamesInTheirForm(string keyword, string? subTest, DomainQueryForm form)
    {
        var result = SpamAssassinImporter.Import($"""
            {keyword} URI_NS_TEST ns.example.net. A {subTest}
            body URI_NS_TEST eval:check_uridnsbl('URI_NS_TEST')
            score URI_NS_TEST 2
            """.Split('\n'));

        var list = Assert.Single(result.Lists);
        Assert.Equal((UriLookupVia.NameServerNames, form, 2.0), (list.UriLookup, list.DomainForm, list.Rules.Single().Weight));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Import_ARuleWithoutAnyNameServerRule_AsksHostAddressesOnly()
    {
        // SpamAssassin looks up a link domain's name servers only when an enabled rule needs them.
        var result = SpamAssassinImporter.Import("""
            uridnssub URI_A_TEST zen.example.net. A 127.0.0.2
            tflags URI_A_TEST net a
            score URI_A_TEST 1.5
            """.Split('\n'));

        Assert.Equal(UriLookupVia.HostAddresses, Assert.Single(result.Lists).UriLookup);
    }

    [Fact]
    public void Import_UridnsblTxt_ReportedAsUnsupportedType()
    {
        var result = SpamAssassinImporter.Import(["uridnsbl URIBL_SBLXBL sbl-xbl.example.net. TXT", "tflags URIBL_SBLXBL net a"]);

        Assert.Empty(result.Lists);
        Assert.Contains(result.Problems, p => p.Reason.Contains("only A lookups are supported", StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_WrittenImportWithCombinedUriLookup_ReadsBackBothFlags()
    {
        // What `dnsbl import` writes and `--config` reads: the flags as "HostAddresses, NameServerAddresses".
        var imported = SpamAssassinImporter.Import("""
            uridnssub URI_A_TEST zen.example.net. A 127.0.0.2
            tflags URI_A_TEST net a
            uridnssub URI_NS_TEST zen.example.net. A 127.0.0.3
            """.Split('\n'));

        var json = DnsblConfigurationJson.Write(imported);
        var bound = Assert.Single(OptionsFromJson.Bind(json).Lists);

        Assert.Contains("\"HostAddresses, NameServerAddresses\"", json, StringComparison.Ordinal);
        Assert.Equal(UriLookupVia.HostAddresses | UriLookupVia.NameServerAddresses, bound.UriLookup);
    }
}

using System.Net;
using Dnsbl.Client.Configuration;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Configuration;

/// <summary>The import of the rules every SpamAssassin 4.0 install ships, checked against what SpamAssassin does with them.</summary>
public sealed class SpamAssassinShippedRulesTests
{
    private static readonly Lazy<DnsblImportResult> Shipped = new(() => SpamAssassinImporter.Import(
        [.. Directory.GetFiles(SpamAssassinRulesDirectoryFactAttribute.Directory, "*.cf").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))]));

    private static DnsList ListWith(string ruleName) => Shipped.Value.Lists.Single(l => l.Rules.Any(r => r.Name == ruleName));

    private static ReturnCodeRule Rule(string ruleName) => ListWith(ruleName).Rules.Single(r => r.Name == ruleName);

    private static bool Matches(string ruleName, string code) => Rule(ruleName).Filter?.Matches(IPAddress.Parse(code)) ?? true;

    [SpamAssassinRulesDirectoryFact]
    public void Import_ShippedRules_EveryProblemNamesFileLineAndReason()
    {
        var result = Shipped.Value;

        Assert.NotEmpty(result.Lists);
        Assert.All(result.Problems, p =>
        {
            Assert.EndsWith(".cf", p.FileName, StringComparison.Ordinal);
            Assert.True(p.Line > 0);
            Assert.False(string.IsNullOrWhiteSpace(p.Reason));
        });
    }

    [SpamAssassinRulesDirectoryFact]
    public void Import_Spamhaus_HasSpamAssassinsZonesCodesRelaysAndSetOneScores()
    {
        var xbl = ListWith("RCVD_IN_XBL");
        Assert.Equal(("zen.spamhaus.org", RelaySelection.LastExternal), (xbl.Zone, xbl.Relays));
        Assert.Same(xbl, ListWith("RCVD_IN_PBL"));
        Assert.Equal(0.724, Rule("RCVD_IN_XBL").Weight);
        Assert.Equal(3.558, Rule("RCVD_IN_PBL").Weight);
        Assert.All(["127.0.0.4", "127.0.0.5", "127.0.0.6", "127.0.0.7"], c => Assert.True(Matches("RCVD_IN_XBL", c)));
        Assert.False(Matches("RCVD_IN_XBL", "127.0.0.3"));
        Assert.All(["127.0.0.10", "127.0.0.11"], c => Assert.True(Matches("RCVD_IN_PBL", c)));
        Assert.False(Matches("RCVD_IN_PBL", "127.0.0.2"));

        var sbl = ListWith("RCVD_IN_SBL");
        Assert.Equal(("zen.spamhaus.org", RelaySelection.AllUntrusted), (sbl.Zone, sbl.Relays));
        Assert.Equal(2.596, Rule("RCVD_IN_SBL").Weight);
        Assert.True(Matches("RCVD_IN_SBL", "127.0.0.2"));
        Assert.False(Matches("RCVD_IN_SBL", "127.0.0.3"));
    }

    [SpamAssassinRulesDirectoryFact]
    public void Import_Dnswl_AllowListsTheFirstTrustedRelayWithSetOneScores()
    {
        var dnswl = ListWith("RCVD_IN_DNSWL_HI");
        Assert.Equal(("list.dnswl.org", DnsListKind.IpAllowList, RelaySelection.FirstTrusted), (dnswl.Zone, dnswl.Kind, dnswl.Relays));
        Assert.Equal(-0.0001, Rule("RCVD_IN_DNSWL_NONE").Weight);
        Assert.Equal(-0.7, Rule("RCVD_IN_DNSWL_LOW").Weight);
        Assert.Equal(-2.3, Rule("RCVD_IN_DNSWL_MED").Weight);
        Assert.Equal(-5, Rule("RCVD_IN_DNSWL_HI").Weight);
        Assert.True(Matches("RCVD_IN_DNSWL_LOW", "127.0.10.1"));
        Assert.False(Matches("RCVD_IN_DNSWL_LOW", "127.0.10.2"));
        Assert.True(Matches("RCVD_IN_DNSWL_HI", "127.0.255.3"));
        Assert.DoesNotContain(dnswl.Rules, r => r.Name == "RCVD_IN_DNSWL_BLOCKED");
        Assert.True(Assert.Single(dnswl.ErrorCodes).Matches(IPAddress.Parse("127.0.5.255")));
    }

    [SpamAssassinRulesDirectoryFact]
    public void Import_Uribl_HasBitmasksRegisteredDomainsAndTheRefusalAsAnError()
    {
        var uribl = ListWith("URIBL_BLACK");
        Assert.Equal(("multi.uribl.com", DnsListKind.UriBlockList, DomainQueryForm.RegistryBoundaries, true),
            (uribl.Zone, uribl.Kind, uribl.DomainForm, uribl.QueriesIpAddresses));
        Assert.Equal((1.7, 1.084, 0.001), (Rule("URIBL_BLACK").Weight, Rule("URIBL_GREY").Weight, Rule("URIBL_RED").Weight));
        Assert.True(Matches("URIBL_BLACK", "127.0.0.2"));
        Assert.True(Matches("URIBL_GREY", "127.0.0.4"));
        Assert.True(Matches("URIBL_RED", "127.0.0.8"));
        Assert.False(Matches("URIBL_BLACK", "127.0.0.4"));
        Assert.DoesNotContain(uribl.Rules, r => r.Name == "URIBL_BLOCKED");
        Assert.Contains(uribl.ErrorCodes, c => c.Matches(IPAddress.Parse("127.0.0.1")));
    }

    [SpamAssassinRulesDirectoryFact]
    public void Import_Dbl_AsksFullHostNamesOfDomainsOnly()
    {
        var dbl = ListWith("URIBL_DBL_SPAM");
        Assert.Equal(("dbl.spamhaus.org", DomainQueryForm.FullHostName, false), (dbl.Zone, dbl.DomainForm, dbl.QueriesIpAddresses));
        Assert.Equal(2.5, Rule("URIBL_DBL_SPAM").Weight);
        Assert.True(Matches("URIBL_DBL_SPAM", "127.0.1.2"));
        Assert.False(Matches("URIBL_DBL_SPAM", "127.0.1.4"));
        Assert.Contains(dbl.ErrorCodes, c => c.Matches(IPAddress.Parse("127.0.1.255")));
        Assert.Contains(dbl.ErrorCodes, c => c.Matches(IPAddress.Parse("127.255.255.254")));
    }

    [SpamAssassinRulesDirectoryFact]
    public void Import_Mailspike_ListsAndMetaRulesKeepTheirScores()
    {
        var black = ListWith("RCVD_IN_MSPIKE_L5");
        Assert.Equal(("bl.mailspike.net", RelaySelection.LastExternal), (black.Zone, black.Relays));
        Assert.Equal((2.5, 1.7, 0.9, 1.0), (Rule("RCVD_IN_MSPIKE_L5").Weight, Rule("RCVD_IN_MSPIKE_L4").Weight, Rule("RCVD_IN_MSPIKE_L3").Weight, Rule("RCVD_IN_MSPIKE_L2").Weight));
        Assert.True(Matches("RCVD_IN_MSPIKE_L5", "127.0.0.10"));
        var white = ListWith("RCVD_IN_MSPIKE_H5");
        Assert.Equal(("wl.mailspike.net", RelaySelection.FirstTrusted, DnsListKind.IpAllowList), (white.Zone, white.Relays, white.Kind));
        Assert.Equal(-1.0, Rule("RCVD_IN_MSPIKE_H5").Weight);

        var metas = Shipped.Value.MetaRules.ToDictionary(m => m.Name);
        Assert.Equal(2.7, metas["RCVD_IN_MSPIKE_ZBI"].Weight);
        Assert.Equal(0.01, metas["RCVD_IN_MSPIKE_BL"].Weight);
        Assert.Equal(-0.01, metas["RCVD_IN_MSPIKE_WL"].Weight);
        Assert.Equal("__RCVD_IN_MSPIKE_Z && !__RCVD_IN_MSPIKE_LOW", metas["RCVD_IN_MSPIKE_ZBI"].Expression);
    }

    [SpamAssassinRulesDirectoryFact]
    public void Import_BlockedRules_AreRefusalCodesAndReported()
    {
        var result = Shipped.Value;
        var refusals = result.Problems.Where(p => p.Reason.Contains("is imported as an operator refusal code", StringComparison.Ordinal))
            .Select(p => p.Reason.Split(' ')[0]).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            ["RCVD_IN_DNSWL_BLOCKED", "RCVD_IN_ZEN_BLOCKED", "RCVD_IN_ZEN_BLOCKED_OPENDNS", "SURBL_BLOCKED", "URIBL_BLOCKED",
             "URIBL_DBL_BLOCKED", "URIBL_DBL_BLOCKED_OPENDNS", "URIBL_DBL_ERROR", "URIBL_ZEN_BLOCKED", "URIBL_ZEN_BLOCKED_OPENDNS",
             "__FROM_FMBLA_NDBLOCKED"],
            refusals);
        Assert.DoesNotContain(result.Lists.SelectMany(l => l.Rules), r => r.Name!.Contains("BLOCKED", StringComparison.Ordinal));
        Assert.All(result.Lists.Where(l => l.Zone == "zen.spamhaus.org"), l => Assert.Contains(l.ErrorCodes, c => c.ToString() == "127.255.255.254"));
    }

    [SpamAssassinRulesDirectoryFact]
    public void Import_ShippedUriSettings_BecomeMessageOptions()
    {
        var message = Shipped.Value.MessageOptions!;

        Assert.Equal(288, message.SkipDomains.Count); // 289 lines, bing.com twice
        Assert.Contains("paypal.com", message.SkipDomains);
        Assert.Equal(20, message.MaxUriDomains);
        Assert.False(message.IncludeMailtoLinks);
    }

    [SpamAssassinRulesDirectoryFact]
    public void Import_ShippedRedirectorPatterns_AreTheEmbeddedDefaultsWithoutProblems()
    {
        // The shipped files' redirector_pattern lines, read by the importer, equal the set embedded as the default.
        Assert.Equal(Dnsbl.Client.Messages.MessageConstants.DefaultRedirectorPatterns, Shipped.Value.MessageOptions!.RedirectorPatterns);
        Assert.DoesNotContain(Shipped.Value.Problems, p => p.Text.StartsWith("redirector_pattern", StringComparison.Ordinal));
    }
}

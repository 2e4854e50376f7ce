using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

public class MessageKeyPlannerTests
{
    private static readonly DnsList IpList = new("bl.test", DnsListKind.IpBlockList);
    private static readonly DnsList UriList = new("uri.test", DnsListKind.UriBlockList);
    private static readonly DnsList DomainList = new("rhs.test", DnsListKind.DomainBlockList);

    private static List<MessageLookup> Plan(MessageContext context, MessageOptions? options, params DnsList[] lists)
        => [.. MessageKeyPlanner.Plan(context, options ?? new MessageOptions(), lists).Lookups];

    [Fact]
    public void Plan_IpList_GetsConnectingClientAsAddress()
    {
        var context = new MessageContext { ConnectingAddress = IPAddress.Parse("81.2.69.160") };
        var lookup = Assert.Single(Plan(context, null, IpList));
        Assert.Equal("81.2.69.160", lookup.Key);
        Assert.True(lookup.IsAddress);
        Assert.Equal(MessageKeySource.ConnectingClient, lookup.Source);
    }

    [Fact]
    public void Plan_IpListAllUntrusted_GetsEveryExternalRelay()
    {
        var list = new DnsList("bl.test") { Relays = RelaySelection.AllUntrusted };
        var lookups = Plan(MessageContext.Parse(Corpus.Text("trusted-relays.eml")), null, list);
        Assert.Equal(["89.160.20.112", "81.2.69.160"], lookups.Select(lookup => lookup.Key)); // oldest first, as SpamAssassin's default set
        Assert.All(lookups, lookup => Assert.Equal(MessageKeySource.Relay, lookup.Source));
        Assert.Contains("out.sender.org", lookups[0].Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_DomainList_UsesEachSourceInRegisteredForm()
    {
        var context = new MessageContext
        {
            HeloName = "mail.out.sender.co.uk",
            ReverseDnsName = "host-1.dsl.isp.net",
            MailFrom = "bounce@lists.sender.co.uk",
            HeaderFrom = "news@sender.co.uk",
            ReplyTo = "Reply@Other-Domain.COM",
        };
        var lookups = Plan(context, null, DomainList);
        Assert.Equal(["sender.co.uk", "isp.net", "other-domain.com"], lookups.Select(lookup => lookup.Key));
        Assert.Equal([MessageKeySource.Helo, MessageKeySource.ReverseDns, MessageKeySource.ReplyTo], lookups.Select(lookup => lookup.Source));
    }

    [Fact]
    public void Plan_DomainListFullHostOnlyMailFrom_UsesFullHost()
    {
        var list = new DnsList("dbl.test", DnsListKind.DomainBlockList) { DomainForm = DomainQueryForm.FullHostName, DomainSources = DomainSources.MailFrom };
        var context = new MessageContext { HeloName = "helo.sender.com", MailFrom = "x@Lists.Sender.COM." };
        var lookup = Assert.Single(Plan(context, null, list));
        Assert.Equal("lists.sender.com", lookup.Key);
        Assert.Equal(MessageKeySource.MailFrom, lookup.Source);
    }

    [Fact]
    public void Plan_HashedDomainList_HashesWholeAddress()
    {
        var list = new DnsList("hbl.test", DnsListKind.DomainBlockList) { KeyHash = KeyHashAlgorithm.Sha1, DomainSources = DomainSources.HeaderFrom };
        var context = new MessageContext { HeaderFrom = "Test@Example.com" };
        // example.com is a special-use name (RFC 2606), asked here only because AskReserved says so.
        Assert.Equal("567159d622ffbb50b11b0efd307be358624a26ee", Assert.Single(Plan(context, new MessageOptions { AskReserved = true }, list)).Key);
    }

    [Fact]
    public void Plan_DomainList_HeloAddressLiteralAndReservedNamesAreSkipped()
    {
        var context = new MessageContext { HeloName = "[81.2.69.160]", ReverseDnsName = "box.local", MailFrom = "", HeaderFrom = "a@b.invalid" };
        Assert.Empty(Plan(context, null, DomainList));
    }

    [Fact]
    public void Plan_UriList_ObfuscatedLinksWithoutIpLookups()
    {
        var lookups = Plan(MessageContext.Parse(Corpus.Text("obfuscated-links.eml")), null, UriList);
        Assert.Equal(["claim-prize.com", "secure-payout.net", "spamlink.info", "bonus-offer.org"], lookups.Select(lookup => lookup.Key));
        Assert.All(lookups, lookup => Assert.Equal(MessageKeySource.Link, lookup.Source));
        Assert.Equal("http://user:pw@tracker.spamlink.info:8080/x.", lookups[2].Origin);
    }

    [Fact]
    public void Plan_UriListQueryingAddresses_MarksIpLiterals()
    {
        var list = new DnsList("uri.test", DnsListKind.UriBlockList) { QueriesIpAddresses = true };
        var addresses = Plan(MessageContext.Parse(Corpus.Text("obfuscated-links.eml")), null, list).Where(lookup => lookup.IsAddress).ToList();
        Assert.Equal([IPAddress.Parse("45.33.32.156"), IPAddress.Parse("2600:3c00::f03c:91ff:fe18:bb2f")], addresses.Select(lookup => lookup.Address));
    }

    [Fact]
    public void Plan_UriListManyLinks_CapsAtMaxUriDomainsInDocumentOrder()
    {
        var context = MessageContext.Parse(Corpus.Text("many-links.eml"));
        var lookups = Plan(context, new MessageOptions { MaxUriDomains = 5 }, UriList);
        Assert.Equal(["domain1.com", "domain2.com", "domain3.com", "domain4.com", "domain5.com"], lookups.Select(lookup => lookup.Key));
        Assert.Equal(20, Plan(context, null, UriList).Count);
    }

    [Fact]
    public void Plan_UriListFullHostName_KeepsSubdomains()
    {
        var list = new DnsList("dbl.test", DnsListKind.UriBlockList) { DomainForm = DomainQueryForm.FullHostName };
        var lookups = Plan(MessageContext.Parse(Corpus.Text("multipart-base64.eml")), null, list);
        Assert.Equal(["click.base64-link.com", "img.imagehost.net", "www.plain-part.com"], lookups.Select(lookup => lookup.Key));
    }

    [Fact]
    public void Plan_UriListRegistryBoundaries_CutsAsSpamAssassin()
    {
        var list = new DnsList("uri.test", DnsListKind.UriBlockList) { DomainForm = DomainQueryForm.RegistryBoundaries };
        var context = new MessageContext { HtmlBody = "<a href=\"http://x1.sells-it.net/\">a</a><a href=\"http://me.blogspot.com/\">b</a><a href=\"http://www.shop.co.uk/\">c</a>" };
        Assert.Equal(["sells-it.net", "me.blogspot.com", "shop.co.uk"], Plan(context, null, list).Select(lookup => lookup.Key));
        Assert.Equal(["x1.sells-it.net", "me.blogspot.com", "shop.co.uk"], Plan(context, null, UriList).Select(lookup => lookup.Key));
    }

    [Fact]
    public void Plan_SkipDomains_DroppedBeforeCap()
    {
        var context = new MessageContext { HtmlBody = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><a href=\"http://schemas.microsoft.com/x\">a</a><a href=\"http://one.com\">1</a><a href=\"http://two.com\">2</a></html>" };
        var lookups = Plan(context, new MessageOptions { MaxUriDomains = 2 }, UriList);
        Assert.Equal(["one.com", "two.com"], lookups.Select(lookup => lookup.Key));
    }

    [Fact]
    public void Plan_IdnLinks_ArePunycode()
    {
        var lookups = Plan(MessageContext.Parse(Corpus.Text("idn.eml")), null, UriList);
        // Expected punycode from Python: "bücher-shop".encode("idna"); münchen.example.org is on the default skip list.
        Assert.Equal(["xn--bcher-shop-9db.de", "xn--r8jz45g.xn--zckzah"], lookups.Select(lookup => lookup.Key));
    }

    [Fact]
    public void Plan_SameRegisteredDomainTwice_OneLookupPerList()
    {
        var context = new MessageContext { TextBody = "http://a.same.com http://b.same.com", HeloName = "x.same.com", HeaderFrom = "u@same.com" };
        var lookups = Plan(context, null, UriList, DomainList);
        Assert.Equal([("uri.test", "same.com"), ("rhs.test", "same.com")], lookups.Select(lookup => (lookup.List.Zone, lookup.Key)));
    }

    [Fact]
    public void Plan_MalformedReceived_ReportsProblemAndStillPlans()
    {
        var list = new DnsList("bl.test") { Relays = RelaySelection.AllUntrusted };
        var plan = MessageKeyPlanner.Plan(MessageContext.Parse(Corpus.Text("malformed-received.eml")), new MessageOptions(), [list]);
        Assert.Equal(["175.45.176.3", "81.2.69.142"], plan.Lookups.Select(lookup => lookup.Key));
        Assert.Contains(plan.Problems, problem => problem.Kind == MessageProblemKind.MalformedReceived);
    }

    [Fact]
    public void Plan_CustomPublicSuffixList_IsUsed()
    {
        var suffixes = PublicSuffixList.Load(new StringReader("com\nsender.com\n"));
        var context = new MessageContext { HeloName = "mail.a.sender.com" };
        var lookup = Assert.Single(Plan(context, new MessageOptions { PublicSuffixes = suffixes }, DomainList));
        Assert.Equal("a.sender.com", lookup.Key);
    }

    [Fact]
    public void Plan_NegativeCap_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => MessageKeyPlanner.Plan(new MessageContext(), new MessageOptions { MaxUriDomains = -1 }, []));

    [Theory]
    [InlineData("news.test", true)]
    [InlineData("host.example", true)]
    [InlineData("printer.local", true)]
    [InlineData("example.com", false)] // delegated; RFC 6761 section 6.5: treated as any other name
    [InlineData("mail.example.org", false)]
    public void IsSpecialUseName_OnlySpecialUseTopLevelDomains(string name, bool expected) =>
        Assert.Equal(expected, MessageKeyPlanner.IsSpecialUseName(name));
}

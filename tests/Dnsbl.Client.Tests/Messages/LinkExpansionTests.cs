using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

public sealed class LinkExpansionTests
{
    private static readonly DnsList Zen = new("zen.test", DnsListKind.UriBlockList) { UriLookup = UriLookupVia.HostAddresses | UriLookupVia.NameServerAddresses };

    private static MessageKeyPlan Plan(string body, params DnsList[] lists) =>
        MessageKeyPlanner.Plan(new MessageContext { TextBody = body }, new MessageOptions(), lists);

    [Fact]
    public void Plan_HostAndNameServerAddresses_OneLookupToResolvePerForm()
    {
        var plan = Plan("see http://www.spam-hosted.com/x", Zen);

        Assert.Equal([("www.spam-hosted.com", UriLookupVia.HostAddresses), ("spam-hosted.com", UriLookupVia.NameServerAddresses)],
            plan.Lookups.Select(l => (l.Key, l.Resolve)));
        Assert.Equal([("www.spam-hosted.com", false), ("spam-hosted.com", true)], LinkExpansion.Questions(plan));
    }

    [Fact]
    public void Plan_NameServerDomainOfRegistryBoundariesList_CutAsSpamAssassin()
    {
        var plan = Plan("see http://x1.sells-it.net/x", Zen with { UriLookup = UriLookupVia.NameServerAddresses, DomainForm = DomainQueryForm.RegistryBoundaries });
        Assert.Equal([("sells-it.net", UriLookupVia.NameServerAddresses)], plan.Lookups.Select(l => (l.Key, l.Resolve)));
        Assert.Equal([("x1.sells-it.net", UriLookupVia.NameServerAddresses)], Plan("see http://x1.sells-it.net/x", Zen with { UriLookup = UriLookupVia.NameServerAddresses }).Lookups.Select(l => (l.Key, l.Resolve)));
    }

    [Fact]
    public void Expand_SameAddressFromHostAndNameServer_AskedOnceInPlanOrder()
    {
        var plan = Plan("see http://www.spam-hosted.com/x", Zen);
        var answers = new Dictionary<(string, bool), ResolvedLinkName>
        {
            [("www.spam-hosted.com", false)] = new(["45.134.26.17"]),
            [("spam-hosted.com", true)] = new(["ns1.bulk-dns.net", "ns2.bulk-dns.net"]),
            [("ns1.bulk-dns.net", false)] = new(["45.134.26.17"]),
            [("ns2.bulk-dns.net", false)] = new(["141.98.10.61", "10.1.2.3"]),
        };

        var expanded = LinkExpansion.Expand(plan, (name, ns) => answers[(name, ns)], new MessageOptions());

        Assert.Equal(["45.134.26.17", "141.98.10.61"], expanded.Lookups.Select(l => l.Key));
        Assert.All(expanded.Lookups, l => Assert.Equal((UriLookupVia.None, true), (l.Resolve, l.IsAddress)));
        var skipped = Assert.Single(expanded.Skipped, s => s.Key == "10.1.2.3");
        Assert.Equal(MessageSkipReason.Private, skipped.Reason);
    }

    [Fact]
    public void Expand_FailedNameServerAddress_UnresolvedWithReasonOthersStillAsked()
    {
        var plan = Plan("see http://spam-hosted.com/x", Zen with { UriLookup = UriLookupVia.NameServerAddresses });
        ResolvedLinkName Answer(string name, bool ns) => (name, ns) switch
        {
            ("spam-hosted.com", true) => new(["ns1.bulk-dns.net", "ns2.bulk-dns.net"]),
            ("ns1.bulk-dns.net", false) => ResolvedLinkName.DeadlinePassed,
            _ => new(["141.98.10.61"]),
        };

        var expanded = LinkExpansion.Expand(plan, Answer, new MessageOptions());

        Assert.Equal([("ns1.bulk-dns.net", true), ("141.98.10.61", false)], expanded.Lookups.Select(l => (l.Key, l.Unresolved is not null)));
        Assert.Contains("deadline", expanded.Lookups[0].Unresolved, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_NameServersUnderSpecialUseName_ReportedNotAsked()
    {
        var list = new DnsList("nsbl.test", DnsListKind.UriBlockList) { UriLookup = UriLookupVia.NameServerNames, DomainForm = DomainQueryForm.FullHostName };
        var plan = Plan("see http://spam-hosted.com/x", list);

        var expanded = LinkExpansion.Expand(plan, (_, _) => new(["ns1.lab.test", "ns2.bulk-dns.net"]), new MessageOptions());

        Assert.Equal(["ns2.bulk-dns.net"], expanded.Lookups.Select(l => l.Key));
        Assert.Contains(expanded.Skipped, s => s.Key == "ns1.lab.test" && s.Reason == MessageSkipReason.SpecialUseName);
    }

    [Fact]
    public void Plan_ApexLinkAskedBothWays_KeepsOneLookupPerForm()
    {
        var plan = Plan("see http://spam-hosted.com/ and http://spam-hosted.com/again", Zen);

        Assert.Equal([UriLookupVia.HostAddresses, UriLookupVia.NameServerAddresses], plan.Lookups.Select(l => l.Resolve));
        Assert.All(plan.Lookups, l => Assert.Equal("spam-hosted.com", l.Key));
    }

    [Fact]
    public void Plan_IpLiteralLinkOnAddressOnlyList_NotResolved()
    {
        // SpamAssassin's uridnssub rules skip IP-literal links; an address-only list has no QueriesIpAddresses.
        var plan = Plan("see http://193.142.146.226/x", Zen);

        Assert.Empty(plan.Lookups);
    }
}

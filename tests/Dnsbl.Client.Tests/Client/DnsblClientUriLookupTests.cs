using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Client;

/// <summary>URI lists asked through DNS (<see cref="DnsList.UriLookup"/>): a link's host addresses, its domain's name servers.</summary>
public sealed class DnsblClientUriLookupTests
{
    private const string Link = "Offer: http://www.spam-hosted.com/buy now.";

    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedResolver _resolver = new();

    private static DnsList ZenVia(UriLookupVia via, string rule, string code) => new("zen.test", DnsListKind.UriBlockList)
    {
        Name = $"zen.test {rule}",
        UriLookup = via,
        Rules = [new ReturnCodeRule(ReturnCodeFilter.Parse(code), 1) { Name = rule }],
    };

    private ScriptedResolver ScriptNameServers() => _resolver
        .Answer("spam-hosted.com", DnsRecordType.NS, "ns1.bulk-dns.net", "ns2.bulk-dns.net")
        .Answer("ns1.bulk-dns.net", DnsRecordType.A, "45.134.26.17")
        .Answer("ns2.bulk-dns.net", DnsRecordType.A, "141.98.10.61")
        .Answer("www.spam-hosted.com", DnsRecordType.A, "193.142.146.226")
        .Listed("17.26.134.45.zen.test", 300, "127.0.0.2")
        .Listed("61.10.98.141.zen.test", 300, "127.0.0.3")
        .Listed("226.146.142.193.zen.test", 300, "127.0.0.2");

    [Fact]
    public async Task CheckMessageAsync_NameServerAddresses_AsksListAboutEachNameServersAddress()
    {
        ScriptNameServers();
        await using var client = ClientFactory.Create(_resolver, _time, null, ZenVia(UriLookupVia.NameServerAddresses, "URIBL_SBL", "127.0.0.2"));

        var result = await client.CheckMessageAsync(new MessageContext { TextBody = Link });

        Assert.Equal(["45.134.26.17", "141.98.10.61"], result.Lookups.Select(l => l.Outcome.Input));
        Assert.Equal(1, result.Score);
        Assert.Contains("NS ns1.bulk-dns.net of spam-hosted.com", result.Lookups[0].Origin, StringComparison.Ordinal);
        Assert.Equal(1, _resolver.TimesAsked("spam-hosted.com", DnsRecordType.NS));
        Assert.Equal(0, _resolver.TimesAsked("www.spam-hosted.com"));
    }

    [Fact]
    public async Task CheckMessageAsync_HostAddresses_AsksListAboutTheLinkHostsAddressOnly()
    {
        ScriptNameServers();
        await using var client = ClientFactory.Create(_resolver, _time, null, ZenVia(UriLookupVia.HostAddresses, "URIBL_SBL_A", "127.0.0.2"));

        var result = await client.CheckMessageAsync(new MessageContext { TextBody = Link });

        var lookup = Assert.Single(result.Lookups);
        Assert.Equal(("193.142.146.226", ListOutcomeKind.Listed), (lookup.Outcome.Input, lookup.Kind));
        Assert.Equal(0, _resolver.TimesAsked("spam-hosted.com", DnsRecordType.NS));
    }

    [Fact]
    public async Task CheckMessageAsync_TwoListsAndTwoChecks_EachNameResolvedOnceWhileItsTtlLasts()
    {
        ScriptNameServers();
        await using var client = ClientFactory.Create(_resolver, _time, null,
            ZenVia(UriLookupVia.HostAddresses | UriLookupVia.NameServerAddresses, "URIBL_SBL_A", "127.0.0.2"),
            ZenVia(UriLookupVia.HostAddresses | UriLookupVia.NameServerAddresses, "URIBL_CSS_A", "127.0.0.3"));

        var first = await client.CheckMessageAsync(new MessageContext { TextBody = Link });
        var second = await client.CheckMessageAsync(new MessageContext { TextBody = Link });
        _time.Advance(TimeSpan.FromMinutes(2)); // past the 60 s TTL of the scripted NS and A answers
        await client.CheckMessageAsync(new MessageContext { TextBody = Link });

        Assert.Equal(["URIBL_CSS_A", "URIBL_SBL_A"], first.Lookups.SelectMany(l => l.CountedRules).Select(r => r.Name!).Order(StringComparer.Ordinal));
        Assert.Equal(first.Score, second.Score);
        Assert.Equal(2, _resolver.TimesAsked("spam-hosted.com", DnsRecordType.NS));
        Assert.Equal(2, _resolver.TimesAsked("ns1.bulk-dns.net"));
        Assert.Equal(2, _resolver.TimesAsked("www.spam-hosted.com"));
    }

    [Fact]
    public async Task CheckMessageAsync_NameServerLookupFails_ListSkippedWithTheReason()
    {
        _resolver.Status("spam-hosted.com", DnsRecordType.NS, DnsLookupStatus.ServerFailure);
        await using var client = ClientFactory.Create(_resolver, _time, null, ZenVia(UriLookupVia.NameServerAddresses, "URIBL_SBL", "127.0.0.2"));

        var result = await client.CheckMessageAsync(new MessageContext { TextBody = Link });

        var lookup = Assert.Single(result.Lookups);
        Assert.Equal(ListOutcomeKind.Skipped, lookup.Kind);
        Assert.Contains("name servers of spam-hosted.com could not be resolved: ServerFailure", lookup.Outcome.SkipReason, StringComparison.Ordinal);
        Assert.True(result.IsDegraded);
    }

    [Fact]
    public async Task CheckMessageAsync_DomainWithoutNameServers_ReportedAsSkippedKey()
    {
        await using var client = ClientFactory.Create(_resolver, _time, null, ZenVia(UriLookupVia.NameServerAddresses, "URIBL_SBL", "127.0.0.2"));

        var result = await client.CheckMessageAsync(new MessageContext { TextBody = Link }); // unscripted: NXDOMAIN

        Assert.Empty(result.Lookups);
        var skipped = Assert.Single(result.SkippedKeys, s => s.Reason == MessageSkipReason.NotResolvable);
        Assert.Equal(("spam-hosted.com", "zen.test URIBL_SBL"), (skipped.Key, skipped.ListName));
    }

    [Fact]
    public async Task CheckMessageAsync_NameServerUnansweredAtDeadline_SkippedAndResultReturnedOnTime()
    {
        _resolver.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = ClientFactory.Create(_resolver, _time, o => o.Deadline = TimeSpan.FromSeconds(2), ZenVia(UriLookupVia.NameServerAddresses, "URIBL_SBL", "127.0.0.2"));

        var check = client.CheckMessageAsync(new MessageContext { TextBody = Link }).AsTask();
        await _resolver.NextQuestion.Task;
        _time.Advance(TimeSpan.FromSeconds(2));
        var result = await check;
        _resolver.Gate.SetResult();

        var lookup = Assert.Single(result.Lookups);
        Assert.Equal(ListOutcomeKind.Skipped, lookup.Kind);
        Assert.Contains("deadline", lookup.Outcome.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckMessageAsync_NameServerNamesRegisteredDomain_AsksEachDomainOnce()
    {
        _resolver.Answer("spam-hosted.com", DnsRecordType.NS, "ns1.bulk-dns.net", "ns2.bulk-dns.net").Listed("bulk-dns.net.nsbl.test", 300, "127.0.0.2");
        var list = new DnsList("nsbl.test", DnsListKind.UriBlockList) { UriLookup = UriLookupVia.NameServerNames, Rules = [new ReturnCodeRule(null, 3) { Name = "URI_NS_BAD" }] };
        await using var client = ClientFactory.Create(_resolver, _time, null, list);

        var result = await client.CheckMessageAsync(new MessageContext { TextBody = Link });

        var lookup = Assert.Single(result.Lookups);
        Assert.Equal(("bulk-dns.net", 3.0), (lookup.Outcome.Input, result.Score));
    }

    [Fact]
    public async Task CheckDomainAsync_AddressOnlyUriList_NotAskedAboutTheNameItself()
    {
        await using var client = ClientFactory.Create(_resolver, _time, null, ZenVia(UriLookupVia.HostAddresses, "URIBL_SBL_A", "127.0.0.2"));

        var result = await client.CheckDomainAsync("spam-hosted.com");

        Assert.Empty(result.Lists);
        Assert.Equal(0, _resolver.AskedCount);
    }
}

using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Client;

/// <summary>A direct domain check asks each URI list in its own DomainForm, and every list in its key hash (issue 15); domain lists get the name as given.</summary>
public sealed class DnsblClientDomainFormTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedResolver _resolver = new();

    private static DnsList Uribl => new("multi.uribl.test", DnsListKind.UriBlockList) { Name = "uribl" };

    private static DnsList Dbl => new("dbl.test", DnsListKind.UriBlockList) { Name = "dbl", DomainForm = DomainQueryForm.FullHostName };

    [Fact]
    public async Task CheckDomainAsync_UriListAndFullHostList_EachAskedInItsOwnForm()
    {
        _resolver.Listed("example.co.uk.multi.uribl.test", 60, "127.0.0.2").Listed("shop.example.co.uk.dbl.test", 60, "127.0.1.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, Uribl, Dbl);

        var result = await client.CheckDomainAsync("shop.example.co.uk");

        Assert.Equal("shop.example.co.uk", result.Input);
        Assert.Equal([("uribl", "example.co.uk", ListOutcomeKind.Listed), ("dbl", "shop.example.co.uk", ListOutcomeKind.Listed)],
            result.Lists.Select(o => (o.List.Name, o.Input, o.Kind)));
        Assert.Equal(0, _resolver.TimesAsked("shop.example.co.uk.multi.uribl.test"));
        Assert.Equal(2, result.Score);
    }

    [Fact]
    public async Task CheckDomainAsync_PublicSuffixOnRegisteredDomainList_IsSkippedWithTheReason()
    {
        await using var client = ClientFactory.Create(_resolver, _time, null, Uribl, Dbl);

        var result = await client.CheckDomainAsync("co.uk");

        var uribl = result.Lists.Single(o => o.List.Name == "uribl");
        Assert.Equal(ListOutcomeKind.Skipped, uribl.Kind);
        Assert.Contains("no registered domain", uribl.SkipReason, StringComparison.Ordinal);
        Assert.Equal(ListOutcomeKind.NotListed, result.Lists.Single(o => o.List.Name == "dbl").Kind);
        Assert.Equal([new DnsQuestion("co.uk.dbl.test", DnsRecordType.A)], _resolver.Questions);
    }

    [Fact]
    public async Task CheckDomainAsync_HashedList_AsksTheHashOfItsForm()
    {
        var hashed = new DnsList("hbl.test", DnsListKind.UriBlockList) { Name = "hbl", KeyHash = KeyHashAlgorithm.Sha1 };
        var label = KeyHasher.Hash("example.com", KeyHashAlgorithm.Sha1, KeyHashEncoding.Hex, 0);
        _resolver.Listed($"{label}.hbl.test", 60, "127.0.0.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, hashed);

        var result = await client.CheckDomainAsync("www.example.com");

        Assert.Equal(ListOutcomeKind.Listed, Assert.Single(result.Lists).Kind);
    }

    [Fact]
    public async Task CheckDomainAsync_SecondCheck_IsAnsweredFromEachListsCacheSlot()
    {
        _resolver.Listed("example.com.multi.uribl.test", 60, "127.0.0.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, Uribl, Dbl);

        await client.CheckDomainAsync("a.example.com");
        var second = await client.CheckDomainAsync("b.example.com");

        Assert.Equal(1, _resolver.TimesAsked("example.com.multi.uribl.test"));
        Assert.Equal(ListOutcomeKind.Listed, second.Lists.Single(o => o.List.Name == "uribl").Kind);
    }

    [Fact]
    public async Task CheckDomainAsync_CachedNotListedOfAnotherKey_NamesTheKeyAsked()
    {
        // A cached not-listed answer is shared and carries no input; the result must still say the list was asked example.com.
        await using var client = ClientFactory.Create(_resolver, _time, null, Uribl, Dbl);

        await client.CheckDomainAsync("a.example.com");
        var second = await client.CheckDomainAsync("b.example.com");

        var uribl = second.Lists.Single(o => o.List.Name == "uribl");
        Assert.True(uribl.FromCache);
        Assert.Equal(("example.com", ListOutcomeKind.NotListed), (uribl.Input, uribl.Kind));
    }

    [Fact]
    public async Task CheckDomainAsync_DomainListWithRegisteredDomainForm_IsAskedTheNameAsGiven()
    {
        var rhsbl = new DnsList("rhsbl.test", DnsListKind.DomainBlockList) { Name = "rhsbl" };
        _resolver.Listed("mail.example.com.rhsbl.test", 60, "127.0.0.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, rhsbl, Uribl);

        var result = await client.CheckDomainAsync("mail.example.com");

        Assert.Equal([("rhsbl", "mail.example.com"), ("uribl", "example.com")], result.Lists.Select(o => (o.List.Name, o.Input)));
        Assert.Equal(ListOutcomeKind.Listed, result.Lists[0].Kind);
    }
}

using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Client;

/// <summary>Lists that share a zone (ZEN as SBL, XBL and PBL lists) send one question in flight and each read the answer through its own rules.</summary>
public sealed class DnsblClientSharedZoneTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedResolver _resolver = new() { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };

    private static DnsList[] ZenAsThreeLists() =>
    [
        new DnsList("zen.bl.test") { Name = "sbl", Rules = [new ReturnCodeRule(ReturnCodeFilter.Parse("127.0.0.[2..3]"), 2.5) { Name = "SBL" }] },
        new DnsList("zen.bl.test") { Name = "xbl", Rules = [new ReturnCodeRule(ReturnCodeFilter.Parse("127.0.0.[4..7]"), 0.7) { Name = "XBL" }] },
        new DnsList("zen.bl.test") { Name = "pbl", Rules = [new ReturnCodeRule(ReturnCodeFilter.Parse("127.0.0.[10..11]"), 1.1) { Name = "PBL" }] },
    ];

    [Fact]
    public async Task CheckAsync_ThreeListsOfOneZone_OneQuestionEachListItsOwnRules()
    {
        _resolver.Listed("2.0.0.127.zen.bl.test", 60, "127.0.0.2", "127.0.0.4");
        await using var client = ClientFactory.Create(_resolver, _time, null, ZenAsThreeLists());

        var check = client.CheckAsync(IPAddress.Parse("127.0.0.2")).AsTask();
        await _resolver.NextQuestion.Task;
        _resolver.Gate!.SetResult();
        var result = await check;

        Assert.Equal(1, _resolver.AskedCount);
        Assert.Equal([ListOutcomeKind.Listed, ListOutcomeKind.Listed, ListOutcomeKind.NotListed], result.Lists.Select(o => o.Kind));
        Assert.Equal(3.2, result.Score, 6);
    }

    [Fact]
    public async Task CheckMessageAsync_TwoRelaySelectionsOfOneZone_AskTheSharedRelayOnce()
    {
        var all = new DnsList("zen.bl.test") { Name = "sbl", Relays = RelaySelection.AllUntrusted };
        var last = new DnsList("zen.bl.test") { Name = "pbl", Relays = RelaySelection.LastExternal };
        await using var client = ClientFactory.Create(_resolver, _time, null, all, last);
        var message = new MessageContext { ReceivedHeaders = ["from origin.sender.org (origin.sender.org [89.160.20.112]) by mx.local.test with ESMTP"] };

        var check = client.CheckMessageAsync(message).AsTask();
        await _resolver.NextQuestion.Task;
        _resolver.Gate!.SetResult();
        var result = await check;

        Assert.Equal(1, _resolver.TimesAsked("112.20.160.89.zen.bl.test"));
        Assert.Equal(2, result.Lookups.Count);
    }

    [Fact]
    public async Task CheckAsync_ListsOfDifferentZones_EachAsksItsOwn()
    {
        _resolver.Gate = null;
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("one.test"), new DnsList("two.test"));

        await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(1, _resolver.TimesAsked("2.0.0.127.one.test"));
        Assert.Equal(1, _resolver.TimesAsked("2.0.0.127.two.test"));
    }
}

using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Client;

public sealed class DnsblClientMessageTests
{
    private const string TwoSpamLinks = "Buy at http://www.spam-one.com/x and http://spam-two.net/y today.";

    private static readonly string[] RelayChain =
    [
        "from relay.sender.org (relay.sender.org [81.2.69.160]) by mx.local.test with ESMTP",
        "from origin.sender.org (origin.sender.org [89.160.20.112]) by relay.sender.org with ESMTP",
    ];

    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedResolver _resolver = new();

    [Fact]
    public async Task CheckMessageAsync_TwoLinksHitSameRule_CountsRuleOnce()
    {
        _resolver.Listed("spam-one.com.uri.test", 300, "127.0.0.2").Listed("spam-two.net.uri.test", 300, "127.0.0.2");
        var list = new DnsList("uri.test", DnsListKind.UriBlockList) { Rules = [new ReturnCodeRule(null, 2) { Name = "URI_BLACK" }] };
        await using var client = ClientFactory.Create(_resolver, _time, null, list);

        var result = await client.CheckMessageAsync(new MessageContext { TextBody = TwoSpamLinks });

        Assert.Equal(2, result.Score);
        Assert.Equal(["spam-one.com", "spam-two.net"], result.Lookups.Select(l => l.Outcome.Input));
        Assert.All(result.Lookups, l => Assert.Equal(ListOutcomeKind.Listed, l.Kind));
        Assert.Equal([2.0, 0.0], result.Lookups.Select(l => l.CountedWeight));
        Assert.Contains(result.Explain(), line => line.Contains("spam-two.net", StringComparison.Ordinal) && line.EndsWith("already counted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckMessageAsync_TwoLinksHitDifferentBits_EachRuleCounts()
    {
        _resolver.Listed("spam-one.com.multi.test", 300, "127.0.0.2").Listed("spam-two.net.multi.test", 300, "127.0.0.12");
        var list = new DnsList("multi.test", DnsListKind.UriBlockList)
        {
            Rules =
            [
                new ReturnCodeRule(ReturnCodeFilter.AnyBits(2), 1) { Name = "BIT2" },
                new ReturnCodeRule(ReturnCodeFilter.AnyBits(4), 3) { Name = "BIT4" },
                new ReturnCodeRule(ReturnCodeFilter.AnyBits(8), 0.5) { Name = "BIT8" },
            ],
        };
        await using var client = ClientFactory.Create(_resolver, _time, null, list);

        var result = await client.CheckMessageAsync(new MessageContext { TextBody = TwoSpamLinks });

        Assert.Equal(4.5, result.Score);
        Assert.Equal(["BIT4", "BIT8"], result.Lookups[1].CountedRules.Select(r => r.Name));
    }

    [Fact]
    public async Task CheckMessageAsync_ListedRelayAndLink_ExplainsEachInputWithItsOrigin()
    {
        _resolver.Listed("160.69.2.81.bl.test", 300, "127.0.0.2").Listed("spam-one.com.uri.test", 300, "127.0.0.2");
        var relays = new DnsList("bl.test") { Rules = [new ReturnCodeRule(null, 3) { Name = "RELAY" }] };
        var links = new DnsList("uri.test", DnsListKind.UriBlockList);
        await using var client = ClientFactory.Create(_resolver, _time, null, relays, links);
        var message = new MessageContext { ReceivedHeaders = RelayChain, TextBody = TwoSpamLinks };

        var result = await client.CheckMessageAsync(message);

        Assert.Equal(4, result.Score);
        Assert.Equal(DnsblVerdict.Reject, result.Verdict);
        var relay = result.Lookups[0];
        Assert.Equal((MessageKeySource.ConnectingClient, RelayChain[0]), (relay.Source, relay.Origin));
        var link = result.Lookups.Single(l => l.Outcome.Input == "spam-one.com");
        Assert.Equal((MessageKeySource.Link, "http://www.spam-one.com/x"), (link.Source, link.Origin));
        var lines = result.Explain().ToList();
        Assert.Contains(lines, line => line.StartsWith("bl.test listed 81.2.69.160 from ConnectingClient from relay.sender.org (relay.sender.org [81.2.69.160])", StringComparison.Ordinal)
            && line.EndsWith("… (127.0.0.2) (rule RELAY) +3", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("uri.test listed spam-one.com from Link http://www.spam-one.com/x", StringComparison.Ordinal));
        Assert.Equal("score +4: Reject", lines[^1]);
    }

    [Fact]
    public async Task CheckMessageAsync_AllUntrustedRelays_AsksEveryRelayButTheTrustedOnes()
    {
        var all = new DnsList("all.test") { Relays = RelaySelection.AllUntrusted };
        var last = new DnsList("last.test") { Relays = RelaySelection.LastExternal };
        await using var client = ClientFactory.Create(_resolver, _time, null, all, last);
        var options = new MessageOptions { TrustedNetworks = [IPNetwork.Parse("81.2.69.0/24")] };

        var result = await client.CheckMessageAsync(new MessageContext { ReceivedHeaders = RelayChain }, options);

        Assert.Equal(0, _resolver.TimesAsked("160.69.2.81.all.test"));
        Assert.Equal(1, _resolver.TimesAsked("112.20.160.89.all.test"));
        Assert.Equal(1, _resolver.TimesAsked("112.20.160.89.last.test"));
        Assert.Equal(2, result.Lookups.Count);
        Assert.All(result.Lookups, l => Assert.Equal(MessageKeySource.Relay, l.Source));
    }

    [Fact]
    public async Task CheckMessageAsync_DeadlinePasses_ReportsListMissingOnceAndScoresWhatAnswered()
    {
        _resolver.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var list = new DnsList("uri.test", DnsListKind.UriBlockList);
        await using var client = ClientFactory.Create(_resolver, _time, o => o.Deadline = TimeSpan.FromMilliseconds(300), list);

        var check = client.CheckMessageAsync(new MessageContext { TextBody = TwoSpamLinks }).AsTask();
        await _resolver.NextQuestion.Task;
        _time.Advance(TimeSpan.FromMilliseconds(300));
        var result = await check;
        _resolver.Gate.SetResult();

        Assert.False(result.IsComplete);
        Assert.Equal(["uri.test"], result.MissingLists);
        Assert.All(result.Lookups, l => Assert.Equal(DnsblErrorKind.DeadlineExceeded, l.Outcome.Error));
        Assert.Equal(DnsblVerdict.Accept, result.Verdict);
        Assert.EndsWith("(incomplete: uri.test)", result.Explain().Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckMessageAsync_IncludedErrorsOnTwoLinks_CountListOnce()
    {
        _resolver.Status("spam-one.com.uri.test", DnsRecordType.A, DnsLookupStatus.ServerFailure).Status("spam-two.net.uri.test", DnsRecordType.A, DnsLookupStatus.ServerFailure);
        var list = new DnsList("uri.test", DnsListKind.UriBlockList) { Rules = [new ReturnCodeRule(null, 0.75)] };
        await using var client = ClientFactory.Create(_resolver, _time, o => o.ErrorPolicy = ErrorPolicy.Include, list);

        var result = await client.CheckMessageAsync(new MessageContext { TextBody = TwoSpamLinks });

        Assert.All(result.Lookups, l => Assert.Equal(ListOutcomeKind.Error, l.Kind));
        Assert.Equal(0.75, result.Score);
    }

    [Fact]
    public async Task CheckMessageAsync_MalformedReceived_ReportsProblemAndStillChecksLinks()
    {
        _resolver.Listed("spam-one.com.uri.test", 300, "127.0.0.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("bl.test"), new DnsList("uri.test", DnsListKind.UriBlockList));
        var message = new MessageContext { ReceivedHeaders = ["garbage without any structure"], TextBody = TwoSpamLinks };

        var result = await client.CheckMessageAsync(message);

        Assert.Contains(result.Problems, p => p.Kind == MessageProblemKind.MalformedReceived);
        Assert.Contains(result.Explain(), line => line.StartsWith("problem MalformedReceived", StringComparison.Ordinal));
        Assert.Equal(1, result.Score);
    }

    [Fact]
    public async Task CheckMessageAsync_SecondCheck_AnsweredFromCacheSynchronously()
    {
        _resolver.Listed("spam-one.com.uri.test", 300, "127.0.0.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, new DnsList("uri.test", DnsListKind.UriBlockList));
        var message = new MessageContext { TextBody = TwoSpamLinks };

        await client.CheckMessageAsync(message);
        var second = client.CheckMessageAsync(message);

        Assert.True(second.IsCompletedSuccessfully);
        Assert.All((await second).Lookups, l => Assert.True(l.Outcome.FromCache));
        Assert.Equal(2, _resolver.AskedCount);
    }
}

using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

public class RelayChainTests
{
    private static readonly DnsList Pbl = new("pbl.bl.test", DnsListKind.IpBlockList) { Name = "pbl", Relays = RelaySelection.LastExternal };

    private static List<string> Keys(MessageContext context, MessageOptions options, RelaySelection selection, bool nice = false)
    {
        var chain = new RelayChain(context, options, []);
        return [.. chain.Select(selection, nice, "test", []).Select(hop => hop.Address.ToString())];
    }

    private static MessageContext Headers(params string[] received) => new() { ReceivedHeaders = received };

    // Issue #15, case 1: the client's HELO literal (10.0.0.1) must not replace the address Postfix recorded.
    [Fact]
    public void Plan_HeloLiteralDiffersFromTcpInfo_AsksTcpInfoAddress()
    {
        var context = Headers("from [10.0.0.1] (unknown [91.198.174.10]) by mx.local.test (Postfix) with ESMTP id 1; Mon, 2 Jan 2026 10:00:00 +0000");
        var plan = MessageKeyPlanner.Plan(context, new MessageOptions(), [Pbl]);
        var lookup = Assert.Single(plan.Lookups);
        Assert.Equal("91.198.174.10", lookup.Key);
    }

    // Issue #15, case 2: our own user submitting from a home address with ESMTPSA is a trusted hop, not judged.
    [Theory]
    [InlineData("from laptop (dsl-1.isp.net [81.2.69.180]) by smtp.local.test (Postfix) with ESMTPSA id 4AB; Mon, 2 Jan 2026 10:00:00 +0000")]
    [InlineData("from [192.168.1.20] (dsl-1.isp.net [81.2.69.180]) (Authenticated sender: joe@local.test) by smtp.local.test (Postfix) with ESMTP id 4AB; Mon, 2 Jan 2026 10:00:00 +0000")]
    public void Plan_AuthenticatedSubmission_IsNotJudgedUnderAnySelection(string submission)
    {
        var context = Headers(
            "from smtp.local.test (smtp.local.test [10.0.0.5]) by mx.local.test (Postfix) with ESMTP id 2; Mon, 2 Jan 2026 10:00:01 +0000",
            submission);
        foreach (var selection in Enum.GetValues<RelaySelection>())
        {
            Assert.Empty(Keys(context, new MessageOptions(), selection));
        }

        var plan = MessageKeyPlanner.Plan(context, new MessageOptions(), [Pbl]);
        Assert.Contains(plan.Skipped, skip => skip.Key == "81.2.69.180" && skip.Reason == MessageSkipReason.TrustedHop);
    }

    // Issue #15, case 3: keys in reserved/documentation space and special-use names are reported, and asked on request.
    [Fact]
    public void Plan_ReservedKeys_AreReportedAndAskedWithAskReserved()
    {
        var context = new MessageContext
        {
            ReceivedHeaders = ["from bench (bench [240.0.0.7]) by mx.local.test (Postfix) with ESMTP id 3; Mon, 2 Jan 2026 10:00:00 +0000"],
            TextBody = "see http://shop.example/ and http://203.0.113.9/x",
        };
        var uri = new DnsList("uri.bl.test", DnsListKind.UriBlockList) { Name = "uri", QueriesIpAddresses = true };
        var plan = MessageKeyPlanner.Plan(context, new MessageOptions(), [Pbl, uri]);
        Assert.Empty(plan.Lookups);
        Assert.Contains(plan.Skipped, skip => skip.Key == "240.0.0.7" && skip.Reason == MessageSkipReason.Reserved && skip.ListName == "pbl");
        Assert.Contains(plan.Skipped, skip => skip.Key == "shop.example" && skip.Reason == MessageSkipReason.SpecialUseName);
        Assert.Contains(plan.Skipped, skip => skip.Key == "203.0.113.9" && skip.Reason == MessageSkipReason.Documentation);

        var asked = MessageKeyPlanner.Plan(context, new MessageOptions { AskReserved = true }, [Pbl, uri]);
        Assert.Equal(["240.0.0.7", "shop.example", "203.0.113.9"], asked.Lookups.Select(lookup => lookup.Key));
    }

    // SpamAssassin asks relays and IP links in 198.18.0.0/15 (not in its IP_PRIVATE set), and so do we (issue 15, oracle message 44).
    [Fact]
    public void Plan_BenchmarkingRangeRelayAndLink_AreAskedLikeSpamAssassin()
    {
        var context = new MessageContext
        {
            ReceivedHeaders = ["from bench (bench [198.18.7.20]) by mx.local.test (Postfix) with ESMTP id 3; Mon, 2 Jan 2026 10:00:00 +0000"],
            TextBody = "see http://198.19.0.9/x",
        };
        var uri = new DnsList("uri.bl.test", DnsListKind.UriBlockList) { Name = "uri", QueriesIpAddresses = true };
        var plan = MessageKeyPlanner.Plan(context, new MessageOptions(), [Pbl, uri]);
        Assert.Equal(["198.18.7.20", "198.19.0.9"], plan.Lookups.Select(lookup => lookup.Key));
        Assert.DoesNotContain(plan.Skipped, skip => skip.Key.StartsWith("198.1", StringComparison.Ordinal));
    }

    [Fact]
    public void Select_InferredTrust_PrivateHopsTrustedUpToFirstPublic()
    {
        var context = MessageContext.Parse(Corpus.Text("trusted-relays.eml"));
        Assert.Equal(["81.2.69.160"], Keys(context, new MessageOptions(), RelaySelection.LastExternal));
        Assert.Equal(["81.2.69.160"], Keys(context, new MessageOptions(), RelaySelection.FirstTrusted));
        // SpamAssassin's default set: every untrusted public relay, oldest first.
        Assert.Equal(["89.160.20.112", "81.2.69.160"], Keys(context, new MessageOptions(), RelaySelection.AllUntrusted));
        // -notfirsthop: the oldest (the original submitter) is left out when there are several.
        Assert.Equal(["81.2.69.160"], Keys(context, new MessageOptions(), RelaySelection.NotFirstHop));
    }

    [Fact]
    public void Select_TrustedForwarderNotInternal_LastExternalIsTheForwarder()
    {
        var context = Headers(
            "from mx1.corp.test (mx1.corp.test [192.168.10.5]) by filter.corp.test (Postfix) with ESMTP id A; Mon, 2 Jan 2026 10:00:02 +0000",
            "from out.forwarder.org (out.forwarder.org [81.2.69.160]) by mx1.corp.test (Postfix) with ESMTP id B; Mon, 2 Jan 2026 10:00:01 +0000",
            "from sender.net (sender.net [89.160.20.112]) by out.forwarder.org (Postfix) with ESMTP id C; Mon, 2 Jan 2026 10:00:00 +0000");
        var options = new MessageOptions
        {
            TrustedNetworks = [IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("81.2.69.0/24")],
            InternalNetworks = [IPNetwork.Parse("192.168.0.0/16")],
        };

        // The trusted forwarder is external: it is the last external relay (SpamAssassin's -lastexternal); as in
        // DNSEval, a block list drops trusted hosts from the head of its set while an allow list ("nice") keeps them.
        Assert.Empty(Keys(context, options, RelaySelection.LastExternal));
        Assert.Equal(["81.2.69.160"], Keys(context, options, RelaySelection.LastExternal, nice: true));
        Assert.Equal(["89.160.20.112"], Keys(context, options, RelaySelection.FirstTrusted));
        Assert.Equal(["89.160.20.112"], Keys(context, options, RelaySelection.AllUntrusted));
    }

    [Fact]
    public void Select_MailFetcherInsideTrustedPart_RestartsChain()
    {
        var context = Headers(
            "from localhost (localhost [127.0.0.1]) by desk.local.test (Postfix) with ESMTP id 1; Mon, 2 Jan 2026 10:00:02 +0000",
            "from pop.isp.net [81.2.69.181] by localhost with POP3 (fetchmail-6.4.37) for <u@localhost> (single-drop); Mon, 02 Jan 2026 10:00:01 +0000",
            "from sender.net (sender.net [89.160.20.112]) by mx.isp.net (Postfix) with ESMTP id 2; Mon, 2 Jan 2026 10:00:00 +0000");
        var chain = new RelayChain(context, new MessageOptions(), []);
        Assert.Equal([IPAddress.Parse("89.160.20.112")], chain.Hops.Select(hop => hop.Relay.Address));
        Assert.Equal(["89.160.20.112"], Keys(context, new MessageOptions(), RelaySelection.LastExternal));
    }

    [Fact]
    public void Select_OriginatingIpHeader_IsAskedByAllUntrustedNotByLastExternal()
    {
        var context = new MessageContext
        {
            ReceivedHeaders = ["from web.mail.net (web.mail.net [81.2.69.190]) by mx.local.test (Postfix) with ESMTP id 1; Mon, 2 Jan 2026 10:00:00 +0000"],
            Headers = [new("X-Originating-IP", "[89.160.20.115]")],
        };
        Assert.Equal(["89.160.20.115", "81.2.69.190"], Keys(context, new MessageOptions(), RelaySelection.AllUntrusted));
        Assert.Equal(["81.2.69.190"], Keys(context, new MessageOptions(), RelaySelection.LastExternal));
        Assert.DoesNotContain("89.160.20.115", Keys(context, new MessageOptions { OriginatingIpHeaders = [] }, RelaySelection.AllUntrusted));
    }

    [Fact]
    public void Select_AllUntrustedOverCap_KeepsOldestAndReportsRest()
    {
        var received = Enumerable.Range(1, 12).Select(i => $"from h{i}.net (h{i}.net [89.160.20.{i}]) by r{i}.net (Postfix) with ESMTP id {i}; Mon, 2 Jan 2026 10:00:00 +0000").ToArray();
        var chain = new RelayChain(Headers(received), new MessageOptions(), []);
        var skipped = new List<MessageSkippedKey>();
        var chosen = chain.Select(RelaySelection.AllUntrusted, nice: false, "all", skipped);
        Assert.Equal(9, chosen.Count);
        Assert.Equal("89.160.20.12", chosen[0].Address.ToString());
        Assert.Equal(3, skipped.Count(skip => skip.Reason == MessageSkipReason.OverCap));
    }

    [Fact]
    public void Select_SessionAddressRepeatedInTopHeader_IsNotCountedTwice()
    {
        var context = new MessageContext
        {
            ConnectingAddress = IPAddress.Parse("81.2.69.142"),
            ReceivedHeaders = ["from good.sender.com (good.sender.com [81.2.69.142]) by mx.local.test (Postfix) with ESMTP id 1; Mon, 2 Jan 2026 10:00:00 +0000"],
        };
        var chain = new RelayChain(context, new MessageOptions(), []);
        var hop = Assert.Single(chain.Hops);
        Assert.Equal(MessageKeySource.ConnectingClient, hop.Source);
    }
}

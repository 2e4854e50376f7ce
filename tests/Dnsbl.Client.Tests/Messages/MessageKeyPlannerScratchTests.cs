using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// A plan works in the emptied containers of the last plan its thread finished (MessageKeyPlanner.Scratch): nothing of
/// one message may reach the next, and what a plan returned must not change when the next one runs.
/// </summary>
[Collection(CpuBoundTests.Name)]
public sealed class MessageKeyPlannerScratchTests
{
    private static readonly DnsList[] Lists =
    [
        new("zen.bl.test") { Name = "sbl", Relays = RelaySelection.AllUntrusted },
        new("list.dnswl.test", DnsListKind.IpAllowList) { Name = "dnswl", Relays = RelaySelection.FirstTrusted },
        new("dbl.bl.test", DnsListKind.UriBlockList) { Name = "dbl", DomainForm = DomainQueryForm.FullHostName },
        new("multi.surbl.test", DnsListKind.UriBlockList) { Name = "surbl", QueriesIpAddresses = true },
        new("ns.bl.test", DnsListKind.UriBlockList) { Name = "ns", UriLookup = UriLookupVia.LinkName | UriLookupVia.NameServerNames | UriLookupVia.HostAddresses },
        new("rhs.bl.test", DnsListKind.DomainBlockList) { Name = "rhs", DomainSources = DomainSources.Helo | DomainSources.MailFrom | DomainSources.HeaderFrom },
        new("hashed.bl.test", DnsListKind.DomainBlockList) { Name = "hbl", DomainSources = DomainSources.HeaderFrom, KeyHash = KeyHashAlgorithm.Sha1 },
    ];

    // Small caps, so that skips over the cap differ from message to message.
    private static readonly MessageOptions[] OptionSets = [new(), new() { MaxUriDomains = 3 }, new() { IncludeMailtoLinks = true, MaxUriDomains = 7 }];

    [Fact]
    public void Plan_MessagesInARow_SameAsEachOnAThreadOfItsOwn()
    {
        var messages = Messages();
        Assert.True(messages.Count > 40, $"only {messages.Count} messages");
        var expected = messages.Select((message, i) => FreshThread.Run(() => Snapshot(Plan(message, i)))).ToList();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < messages.Count; i++)
            {
                var which = round == 0 ? i : messages.Count - 1 - i;
                Assert.Equal(expected[which], Snapshot(Plan(messages[which], which)));
            }
        }
    }

    [Fact]
    public void Plan_Returned_StaysAsItWasWhenTheNextPlanRuns()
    {
        var messages = Messages();
        var plans = messages.Select((message, i) => (Plan: Plan(message, i), Snapshot: Snapshot(Plan(message, i)))).ToList();
        foreach (var (plan, snapshot) in plans)
        {
            Assert.Equal(snapshot, Snapshot(plan));
        }
    }

    [Fact]
    public void Plan_ManyThreadsAtOnce_SameAsAlone()
    {
        var messages = Messages();
        var expected = messages.Select((message, i) => Snapshot(Plan(message, i))).ToList();
        Parallel.For(0, 4 * messages.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n =>
        {
            var which = (n * 7) % messages.Count;
            Assert.Equal(expected[which], Snapshot(Plan(messages[which], which)));
        });
    }

    private static MessageKeyPlan Plan(MessageContext message, int index) => MessageKeyPlanner.Plan(message, OptionSets[index % OptionSets.Length], Lists);

    // A plan as plain values, compared whole (lookups, skips and problems in order).
    private static string Snapshot(MessageKeyPlan plan) => string.Join('\n',
        plan.Lookups.Select(lookup => $"{lookup.List.Name} {lookup.Key} {lookup.Source} {lookup.Resolve} {lookup.Address} {lookup.Origin}")
            .Concat(plan.Skipped.Select(skip => skip.ToString() + " " + skip.Origin))
            .Concat(plan.Problems.Select(problem => problem.ToString())));

    private static List<MessageContext> Messages()
    {
        var messages = ScannerOracleTexts.CorpusMessages().Take(40).Select(message => MessageContext.Parse(message)).ToList();
        // Links shared across messages in other orders and groups, and a message of no links between others.
        for (var seed = 0; seed < 6; seed++)
        {
            var hosts = Enumerable.Range(0, 4 + (seed * 7 % 30)).Select(i => $"www.site{(seed % 2 == 0 ? i : 40 - i) % 25}.example{i % 3}.net").ToList();
            messages.Add(new MessageContext
            {
                Headers = [new("DKIM-Signature", $"v=1; a=rsa-sha256; d=signer{seed % 2}.example.net; s=sel; h=from; b=abc")],
                HeaderFrom = $"News <news@site{seed}.example1.net>",
                HeloName = seed % 3 == 0 ? "mail.site3.example0.net" : null,
                TextBody = string.Join(' ', hosts.Select((host, i) => $"http://{host}/a{i} desk{i}@mail{seed}.example.net http://10.0.0.{i}/ http://45.33.32.{i}/")),
                HtmlBody = string.Concat(hosts.AsEnumerable().Reverse().Select(host => $"<a href=\"https://{host}/x\">x</a><img src=\"http://img.{host}/y.png\">")),
            });
            messages.Add(new MessageContext { TextBody = "no links at all" });
        }

        return messages;
    }
}

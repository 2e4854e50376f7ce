using System.Collections.Concurrent;
using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Zones;
using Dnsbl.Client.Tests.Dns.Fakes;

namespace Dnsbl.Client.Tests.Reliability;

/// <summary>
/// RFC 5452: forged answers (wrong source port, wrong ID, wrong question) race the real one and lose; the real answer
/// still counts. And the optional 0x20 case randomization: the name goes out in mixed case and must come back so.
/// </summary>
public sealed class SpoofingResistanceTests
{
    private const string Zone = "blocklist.example.test";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CheckAsync_ForgedListingsBeforeRealNxdomain_ForgeriesDroppedRealAnswerCounts(bool caseRandomization)
    {
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            var id = exchange.Query.Header.Id;
            var name = exchange.Query.Question!.Value.Name;
            byte[] forged = [127, 0, 0, 4];
            exchange.ReplyFromOtherPortRaw(HostilePackets.Response(id, name, 1).A(forged).ToArray());
            exchange.Reply(HostilePackets.Response((ushort)(id + 1), name, 1).A(forged).ToArray());
            exchange.Reply(HostilePackets.Response((ushort)(id ^ 0x8000), name, 1).A(forged).ToArray());
            exchange.Reply(HostilePackets.Response(id, "9.9.9.9." + Zone, 1).A(forged).ToArray());
            exchange.Reply(HostilePackets.Response(id, name, 0, responseCode: 3).ToArray());
        });
        await using var client = Client(responder.EndPoint, caseRandomization);

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2")).AsTask().WaitAsync(Patience);

        var outcome = Assert.Single(result.Lists);
        Assert.Equal(ListOutcomeKind.NotListed, outcome.Kind);
        Assert.Empty(outcome.Codes);
        Assert.Equal(0, result.Score);
    }

    [Fact]
    public async Task CheckAsync_CaseRandomization_SendsMixedCaseAndAcceptsExactEcho()
    {
        var seen = new ConcurrentBag<string>();
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            var name = exchange.Query.Question!.Value.Name;
            seen.Add(name);
            exchange.Reply(HostilePackets.Response(exchange.Query.Header.Id, name, 1).A([127, 0, 0, 2]).ToArray());
        });
        await using var client = Client(responder.EndPoint, caseRandomization: true);

        for (var i = 1; i <= 5; i++)
        {
            var result = await client.CheckAsync(IPAddress.Parse($"127.0.0.{i}")).AsTask().WaitAsync(Patience);
            Assert.Equal(ListOutcomeKind.Listed, Assert.Single(result.Lists).Kind);
        }

        Assert.Equal(5, seen.Count);
        Assert.Contains(seen, name => name.Any(char.IsAsciiLetterUpper));
        Assert.All(seen, name => Assert.EndsWith(Zone, name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task CheckAsync_CaseRandomizationAndWronglyCasedForgedListingFirst_ForgeryDroppedRealAnswerCounts()
    {
        await using var responder = LoopbackDnsResponder.Start(exchange =>
        {
            var id = exchange.Query.Header.Id;
            var name = exchange.Query.Question!.Value.Name;
            exchange.Reply(HostilePackets.Response(id, SwapCase(name), 1).A([127, 0, 0, 4]).ToArray());
            exchange.Reply(HostilePackets.Response(id, name, 0, responseCode: 3).ToArray());
        });
        await using var client = Client(responder.EndPoint, caseRandomization: true);

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2")).AsTask().WaitAsync(Patience);

        var outcome = Assert.Single(result.Lists);
        Assert.Equal(ListOutcomeKind.NotListed, outcome.Kind);
        Assert.Empty(outcome.Codes);
        Assert.Equal(1, responder.UdpQueries); // the forgery did not end the attempt: no retry was needed
    }

    [Fact]
    public async Task CheckAsync_CaseRandomizationAndServerLowercasesQuestion_EveryReplyDroppedSoTimeoutNeverListed()
    {
        await using var server = await InProcessDnsServer.StartAsync(
            new ZoneSet().Add(Zone, ZoneDatasetType.Ip4Set, ":127.0.0.2:Listed\n127.0.0.2\n"),
            new InProcessDnsServerOptions { OnQuery = context => ServerAction.Answer with { QuestionName = context.Name.ToLowerInvariant() } });
        await using var client = Client(server.EndPoint, caseRandomization: true, attemptTimeout: TimeSpan.FromMilliseconds(300));

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2")).AsTask().WaitAsync(Patience);

        var outcome = Assert.Single(result.Lists);
        Assert.Equal(ListOutcomeKind.Error, outcome.Kind);
        Assert.Equal(DnsblErrorKind.Timeout, outcome.Error);
        Assert.Empty(outcome.Codes);
    }

    [Fact]
    public async Task CheckAsync_CaseRandomizationOffAndServerLowercasesQuestion_AnswerAccepted()
    {
        await using var server = await InProcessDnsServer.StartAsync(
            new ZoneSet().Add(Zone, ZoneDatasetType.Ip4Set, ":127.0.0.2:Listed\n127.0.0.2\n"),
            new InProcessDnsServerOptions { OnQuery = context => ServerAction.Answer with { QuestionName = context.Name.ToUpperInvariant() } });
        await using var client = Client(server.EndPoint, caseRandomization: false);

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2")).AsTask().WaitAsync(Patience);

        Assert.Equal(ListOutcomeKind.Listed, Assert.Single(result.Lists).Kind);
    }

    [Fact]
    public void RandomizeCase_AnyName_SameNameIgnoringCaseAndDigitsUntouched()
    {
        const string Name = "2.0.0.127.zen.spamhaus.example-list.test";
        var spellings = Enumerable.Range(0, 64).Select(_ => DnsStubResolver.RandomizeCase(Name)).ToHashSet(StringComparer.Ordinal);

        Assert.All(spellings, s => Assert.Equal(Name, s, ignoreCase: true));
        Assert.All(spellings, s => Assert.StartsWith("2.0.0.127.", s, StringComparison.Ordinal));
        Assert.True(spellings.Count > 32, $"only {spellings.Count} spellings in 64 draws of 30 random bits");
    }

    /// <summary>The name with every ASCII letter in the other case: never the spelling sent if it has a letter.</summary>
    private static string SwapCase(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)));

    internal static DnsblClient Client(IPEndPoint server, bool caseRandomization, TimeSpan? attemptTimeout = null)
    {
        var options = new DnsblOptions
        {
            Lists = [new DnsList(Zone)],
            Nameservers = [$"127.0.0.1:{server.Port}"],
            // One attempt, so a forgery that ended it could not hide behind a retry. It waits 10 s unless a test is about
            // the timeout: the responder answers on the thread pool, which the whole suite running beside it on two
            // cores once held up for 3 s (the real NXDOMAIN then came after a 3 s attempt: Error instead of NotListed).
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
            Attempts = 1,
            Deadline = TimeSpan.FromSeconds(15),
            UseCaseRandomization = caseRandomization,
        };
        options.Health.Enabled = false;
        options.Cache.Enabled = false;
        return new DnsblClient(options);
    }
}

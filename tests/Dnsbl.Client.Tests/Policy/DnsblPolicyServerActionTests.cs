using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Policy;
using static Dnsbl.Client.Tests.Policy.PolicyTestServer;

namespace Dnsbl.Client.Tests.Policy;

/// <summary>Each verdict becomes its access(5) action; answers are one line each, in order, many per connection.</summary>
public sealed class DnsblPolicyServerActionTests
{
    [Fact]
    public async Task Request_ListedClient_RejectsNamingTheList()
    {
        await using var server = await StartAsync();
        using var client = await server.ConnectAsync();

        var action = await client.AskAsync(Request(ListedClient));

        Assert.Equal("554 5.7.1 Service unavailable; client [7.7.7.7] blocked using bl.test (score 6)", action);
    }

    [Fact]
    public async Task Request_ListedSenderDomain_RejectsNamingTheDomainList()
    {
        await using var server = await StartAsync();
        using var client = await server.ConnectAsync();

        var action = await client.AskAsync(Request(CleanClient, sender: "bulk@spam-sender.net"));

        Assert.Equal("554 5.7.1 Service unavailable; client [9.9.9.9] blocked using dbl.test (score 6)", action);
    }

    [Fact]
    public async Task Request_ListWithDqsKey_RejectNamesTheRedactedZoneOnly()
    {
        const string Key = "a1b2c3d4e5f6g7h8i9j0k1l2m3";
        var list = DnsList.Parse($"{Key}.zen.dq.spamhaus.net*6");
        await using var server = await StartAsync(null, list);
        server.Resolver.Listed($"7.7.7.7.{Key}.zen.dq.spamhaus.net", 300, "127.0.0.2");
        using var client = await server.ConnectAsync();

        var action = await client.AskAsync(Request(ListedClient));

        Assert.StartsWith("554 5.7.1", action);
        Assert.Contains("zen.dq.spamhaus.net", action);
        Assert.DoesNotContain(Key, action);
    }

    [Fact]
    public async Task Request_ListNameWithLineBreakAndNonAscii_IsSanitisedToOneAsciiLine()
    {
        var list = DnsList.Parse("bl.test*6") with { Name = "evil\nDUNNO\r\nlistä" };
        await using var server = await StartAsync(null, list);
        using var client = await server.ConnectAsync();

        var action = await client.AskAsync(Request(ListedClient));

        Assert.Equal("554 5.7.1 Service unavailable; client [7.7.7.7] blocked using evil?DUNNO??list? (score 6)", action);
    }

    [Fact]
    public async Task Request_TagRange_PrependsOncePerTransaction()
    {
        await using var server = await StartAsync();
        using var client = await server.ConnectAsync();

        var first = await client.AskAsync(Request(TaggedClient, instance: "t.1", recipient: "a@example.com"));
        var second = await client.AskAsync(Request(TaggedClient, instance: "t.1", recipient: "b@example.com"));
        var nextMessage = await client.AskAsync(Request(TaggedClient, instance: "t.2"));

        Assert.Equal("PREPEND X-Dnsbl-Score: 2 (grey.test=2)", first);
        Assert.Equal("DUNNO", second);
        Assert.Equal("PREPEND X-Dnsbl-Score: 2 (grey.test=2)", nextMessage);
    }

    [Fact]
    public async Task Request_TagAtEndOfMessage_AnswersDunnoAsPrependCannotActThere()
    {
        await using var server = await StartAsync();
        using var client = await server.ConnectAsync();

        var action = await client.AskAsync(Request(TaggedClient).Replace("protocol_state=RCPT", "protocol_state=END-OF-MESSAGE", StringComparison.Ordinal));

        Assert.Equal("DUNNO", action);
    }

    [Theory]
    [InlineData(PolicyAllowListedAction.Dunno, "DUNNO")]
    [InlineData(PolicyAllowListedAction.Ok, "OK")]
    public async Task Request_AllowListedClient_AnswersTheAllowListedAction(PolicyAllowListedAction configured, string expected)
    {
        await using var server = await StartAsync(o => o.AllowListedAction = configured);
        using var client = await server.ConnectAsync();

        Assert.Equal(expected, await client.AskAsync(Request(AllowListedClient)));
    }

    [Fact]
    public async Task Request_CleanClient_AnswersDunno()
    {
        await using var server = await StartAsync();
        using var client = await server.ConnectAsync();

        Assert.Equal("DUNNO", await client.AskAsync(Request(CleanClient)));
    }

    [Theory]
    [InlineData(PolicyErrorAction.Dunno, "DUNNO")]
    [InlineData(PolicyErrorAction.DeferIfPermit, "DEFER_IF_PERMIT 4.7.1 Service temporarily unavailable; DNS list lookups failed")]
    public async Task Request_ListFails_AnswersTheErrorAction(PolicyErrorAction configured, string expected)
    {
        await using var server = await StartAsync(o => o.ErrorAction = configured);
        server.Resolver.Status("9.9.9.9.bl.test", DnsRecordType.A, DnsLookupStatus.Timeout);
        using var client = await server.ConnectAsync();

        Assert.Equal(expected, await client.AskAsync(Request(CleanClient)));
    }

    [Fact]
    public async Task Request_FiftyRecipientsOfOneTransaction_CostOneCheck()
    {
        await using var server = await StartAsync();
        using var client = await server.ConnectAsync();

        for (var i = 0; i < 50; i++)
        {
            Assert.StartsWith("554", await client.AskAsync(Request(ListedClient, recipient: $"r{i}@example.com")));
        }

        Assert.Equal(1, server.Resolver.TimesAsked("7.7.7.7.bl.test"));
        Assert.Equal(49, server.Server.Metrics.TransactionCacheHits);
    }

    [Fact]
    public async Task Requests_SentBackToBack_AreAnsweredInOrder()
    {
        await using var server = await StartAsync();
        using var client = await server.ConnectAsync();

        await client.SendAsync(Request(ListedClient) + Request(CleanClient) + Request(AllowListedClient));

        Assert.StartsWith("554", await client.ReadActionAsync());
        Assert.Equal("DUNNO", await client.ReadActionAsync());
        Assert.Equal("DUNNO", await client.ReadActionAsync());
        Assert.Equal(1, server.Server.Metrics.Answered(PolicyOutcome.AllowListed));
    }
}

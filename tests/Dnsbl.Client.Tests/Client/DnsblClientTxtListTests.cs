using System.Net;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Client;

/// <summary>Lists asked by TXT only (SpamAssassin's check_rbl_txt: SpamCop, the Validity lists), issue 14.</summary>
public sealed class DnsblClientTxtListTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedResolver _resolver = new();

    private static DnsList SpamCopLike(string? expression = "(?i:spamcop)") => new("bl.test")
    {
        QueryType = ListQueryType.Txt,
        Rules = [new ReturnCodeRule(expression is null ? null : ReturnCodeFilter.Parse("regex:" + expression), 1.246) { Name = "RCVD_IN_BL_SPAMCOP_NET" }],
    };

    [Fact]
    public async Task CheckAsync_TxtListWithMatchingText_IsListedFromOneTxtQueryAndNoAQuery()
    {
        _resolver.Answer("2.0.0.127.bl.test", DnsRecordType.TXT, "Blocked - see https://www.spamcop.net/bl.shtml?127.0.0.2");
        await using var client = ClientFactory.Create(_resolver, _time, null, SpamCopLike());

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        var outcome = Assert.Single(result.Lists);
        Assert.Equal(ListOutcomeKind.Listed, outcome.Kind);
        Assert.Equal(1.246, result.Score);
        Assert.Equal(["Blocked - see https://www.spamcop.net/bl.shtml?127.0.0.2"], outcome.Text);
        Assert.Equal([new DnsQuestion("2.0.0.127.bl.test", DnsRecordType.TXT)], _resolver.Questions);
    }

    [Fact]
    public async Task CheckAsync_TxtListWhoseTextDoesNotMatch_IsNotListed()
    {
        _resolver.Answer("2.0.0.127.bl.test", DnsRecordType.TXT, "listed by someone else");
        await using var client = ClientFactory.Create(_resolver, _time, null, SpamCopLike());

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(ListOutcomeKind.NotListed, Assert.Single(result.Lists).Kind);
        Assert.Equal(0, result.Score);
    }

    [Fact]
    public async Task CheckAsync_TxtListWithoutExpression_AnyTextIsAListing()
    {
        _resolver.Answer("2.0.0.127.bl.test", DnsRecordType.TXT, "anything");
        await using var client = ClientFactory.Create(_resolver, _time, null, SpamCopLike(expression: null));

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(ListOutcomeKind.Listed, Assert.Single(result.Lists).Kind);
    }

    [Fact]
    public async Task CheckAsync_TxtListWithoutRecord_IsNotListed()
    {
        await using var client = ClientFactory.Create(_resolver, _time, null, SpamCopLike());

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.3"));

        Assert.Equal(ListOutcomeKind.NotListed, Assert.Single(result.Lists).Kind);
        Assert.Equal(0, _resolver.TimesAsked("3.0.0.127.bl.test"));
        Assert.Equal(1, _resolver.TimesAsked("3.0.0.127.bl.test", DnsRecordType.TXT));
    }

    [Fact]
    public async Task CheckAsync_TxtListTextWithControls_ReachesTextSanitised()
    {
        _resolver.Answer("2.0.0.127.bl.test", DnsRecordType.TXT, "spamcop\r\n250 OK");
        await using var client = ClientFactory.Create(_resolver, _time, null, SpamCopLike());

        var result = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(["spamcop??250 OK"], Assert.Single(result.Lists).Text);
    }
}

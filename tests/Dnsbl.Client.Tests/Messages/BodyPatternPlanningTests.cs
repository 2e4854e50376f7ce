using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>Lists asked about words of the body (HashBL check_hashbl_bodyre: Bitcoin addresses), issue 14.</summary>
public sealed class BodyPatternPlanningTests
{
    private static readonly DnsList Btc = new("bl.btcblack.test", DnsListKind.DomainBlockList)
    {
        Name = "btc",
        DomainSources = DomainSources.None,
        BodyPattern = @"\b(?<!=)([13][a-km-zA-HJ-NP-Z1-9]{25,34})\b",
    };

    [Fact]
    public void Plan_BitcoinAddressesInTextAndHtml_AreAskedLowerCasedOnceEach()
    {
        var context = new MessageContext
        {
            TextBody = "Pay 1BoatSLRHtKNngkdXEeobR76b53LETtpyT now, or 1BoatSLRHtKNngkdXEeobR76b53LETtpyT later.",
            HtmlBody = "<p>Or <b>3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy</b></p><a href=\"x?=1BoatSLRHtKNngkdXEeobR76b53LETtpyZ\">",
        };

        var plan = MessageKeyPlanner.Plan(context, new MessageOptions(), [Btc]);

        Assert.Equal([("1boatslrhtknngkdxeeobr76b53lettpyt", MessageKeySource.BodyText), ("3j98t1wpez73cnmqviecrnyiwrnqrhwnly", MessageKeySource.BodyText)],
            plan.Lookups.Select(l => (l.Key, l.Source)));
    }

    [Fact]
    public void Plan_ManyMatches_TenAskedAndTheRestListedAsOverTheCap()
    {
        const string Base58Letters = "abcdefghijkmnopqr"; // no 'l': not a Bitcoin address char
        var words = string.Join(' ', Enumerable.Range(0, 15).Select(i => $"1BoatSLRHtKNngkdXEeobR76b53LETtp{Base58Letters[i]}"));
        var plan = MessageKeyPlanner.Plan(new MessageContext { TextBody = words }, new MessageOptions(), [Btc]);

        Assert.Equal(MessageConstants.MaxBodyPatternKeys, plan.Lookups.Count);
        Assert.Equal(
            Enumerable.Range(10, 5).Select(i => ($"1boatslrhtknngkdxeeobr76b53lettp{Base58Letters[i]}", MessageSkipReason.OverCap, "btc")),
            plan.Skipped.Where(s => s.Source == MessageKeySource.BodyText).Select(s => (s.Key, s.Reason, s.ListName!)));
        Assert.Empty(plan.Problems);
    }

    [Fact]
    public void Plan_MoreMatchesThanAreListed_ReportedAsProblem()
    {
        var count = MessageConstants.MaxBodyPatternKeys + BodyWords.MaxReportedOverCap + 3;
        // Distinct addresses from digits 1-9 only (0 is not a Bitcoin address char).
        var words = string.Join(' ', Enumerable.Range(0, count).Select(i => "1BoatSLRHtKNngkdXEeobR76b53" + string.Concat(Enumerable.Range(0, 5).Select(d => (char)('1' + (i / (int)Math.Pow(9, d) % 9))))));
        var plan = MessageKeyPlanner.Plan(new MessageContext { TextBody = words }, new MessageOptions(), [Btc]);

        Assert.Equal(BodyWords.MaxReportedOverCap, plan.Skipped.Count(s => s.Source == MessageKeySource.BodyText));
        Assert.Equal(MessageProblemKind.TooManyBodyMatches, Assert.Single(plan.Problems).Kind);
    }

    [Fact]
    public void Plan_AddressInsideScriptOrComment_NotAskedAsTheRenderedBodyHasNone()
    {
        // SpamAssassin matches body patterns on the rendered text, which has no script, style or comment.
        var context = new MessageContext
        {
            HtmlBody = "<script>var a='1BoatSLRHtKNngkdXEeobR76b53LETtpyT';</script><!-- 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy --><p>hi</p>",
        };

        Assert.Empty(MessageKeyPlanner.Plan(context, new MessageOptions(), [Btc]).Lookups);
    }

    [Fact]
    public void BodyPattern_InvalidExpression_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => new DnsList("x.test") { BodyPattern = "(unclosed" });
}

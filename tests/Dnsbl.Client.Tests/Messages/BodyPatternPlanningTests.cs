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
    public void Plan_ManyMatches_AreCappedAtTen()
    {
        var words = string.Join(' ', Enumerable.Range(0, 15).Select(i => $"1BoatSLRHtKNngkdXEeobR76b53LETtp{(char)('a' + i)}"));
        var plan = MessageKeyPlanner.Plan(new MessageContext { TextBody = words }, new MessageOptions(), [Btc]);
        Assert.Equal(MessageConstants.MaxBodyPatternKeys, plan.Lookups.Count);
    }

    [Fact]
    public void BodyPattern_InvalidExpression_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => new DnsList("x.test") { BodyPattern = "(unclosed" });
}

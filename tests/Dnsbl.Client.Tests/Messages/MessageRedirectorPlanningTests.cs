using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>MessageOptions.RedirectorPatterns reach the planner: shipped by default, replaceable, off when empty, and a bad one refused.</summary>
public sealed class MessageRedirectorPlanningTests
{
    private static readonly DnsList Uri = new("uri.bl.test", DnsListKind.UriBlockList) { Name = "uri" };

    private static readonly MessageContext Message = new()
    {
        HtmlBody = "<a href=\"http://forum.board-hub.net/redirect.php?goto=pill-shop.biz/x\">x</a> <a href=\"http://r.lab-redirect.net/to/drug-store.biz\">y</a>",
    };

    private static string[] Keys(MessageOptions options) => [.. MessageKeyPlanner.Plan(Message, options, [Uri]).Lookups.Select(l => l.Key)];

    [Fact]
    public void Plan_DefaultOptions_ShippedPatternTargetAsked()
        => Assert.Equal(["board-hub.net", "pill-shop.biz", "lab-redirect.net"], Keys(new MessageOptions()));

    [Fact]
    public void Plan_OwnPatterns_ReplaceTheShippedOnes()
        => Assert.Equal(["board-hub.net", "lab-redirect.net", "drug-store.biz"],
            Keys(new MessageOptions { RedirectorPatterns = [@"(?i)^https?://r\.lab-redirect\.net/to/(.*)"] }));

    [Fact]
    public void Plan_NoPatterns_OnlyTheBuiltInRule()
        => Assert.Equal(["board-hub.net", "lab-redirect.net"], Keys(new MessageOptions { RedirectorPatterns = [] }));

    [Fact]
    public void Plan_InvalidPattern_ThrowsArgumentException()
        => Assert.Throws<ArgumentException>(() => Keys(new MessageOptions { RedirectorPatterns = ["(unclosed"] }));
}

using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// SpamAssassin's <c>body_part_scan_size</c> for the link scan (the oracle messages 65 and 66 check the same against
/// SpamAssassin itself): where a part is cut, per part, text links after the cut not asked, anchors asked, the cut reported.
/// </summary>
public sealed class BodyScanLimitTests
{
    private static readonly DnsList Uri = new("uri.bl.test", DnsListKind.UriBlockList) { Name = "uri" };

    [Theory]
    [InlineData("abcdefghij", 20, 10)] // not longer than the scan size: whole
    [InlineData("abcde fghij\nklmno pq", 3, 12)] // the next line break within 1,024 first
    [InlineData("abcde fghij klmno", 3, 6)] // no line break: the next space
    [InlineData("abcdefghijklmnop", 3, 3)] // neither: right at the scan size
    [InlineData("abc\ndef", 3, 4)] // a line break right at the scan size is kept with what precedes it
    public void TextCut_SpamAssassinsRule(string text, int scanSize, int kept) =>
        Assert.Equal(kept, BodyScanLimit.TextCut(text, scanSize));

    [Fact]
    public void TextCut_LineBreakPastTheSearchWindow_SpaceWins()
    {
        var text = new string('a', 10) + " " + new string('b', 1100) + "\n";

        Assert.Equal(11, BodyScanLimit.TextCut(text, 5));
        Assert.Equal(5, BodyScanLimit.TextCut(new string('a', 1100) + "\n", 5)); // nothing within 1,024: the hard cut
    }

    [Fact]
    public void HtmlCut_CountsRenderedTextAndCutsAfterTheNextBreak()
    {
        // Rendered: "\n\n" (p), 5 x, one space for the run of 50, 20 y, then the <br>: the cut is right after it.
        var html = "<p>" + new string('x', 5) + new string(' ', 50) + "<b>" + new string('y', 20) + "</b><br>zzz www.after-cut.net";
        var cut = BodyScanLimit.HtmlCut(html, 10);

        Assert.Equal(html.IndexOf("<br>", StringComparison.Ordinal) + 4, cut);
        Assert.Equal(html.Length, BodyScanLimit.HtmlCut(html, 200)); // rendered shorter than the scan size: whole
    }

    [Fact]
    public void HtmlCut_ScriptAndStyleAreNotRendered()
    {
        var html = "<script>" + new string('s', 500) + "</script><style>" + new string('c', 500) + "</style>abc def";

        Assert.Equal(html.Length, BodyScanLimit.HtmlCut(html, 10));
        Assert.Equal(html.IndexOf(" def", StringComparison.Ordinal) + 1, BodyScanLimit.HtmlCut(html, 2)); // then the space after "abc"
    }

    [Fact]
    public void Plan_LongTextPart_LateLinkNotAskedAndCutReported()
    {
        var text = "early http://early-link.net/ " + Filler(60_000) + " late http://late-link.net/";
        var context = MessageContext.Parse(Message(("text/plain", text)));

        var plan = MessageKeyPlanner.Plan(context, new MessageOptions(), [Uri]);

        Assert.Equal(["early-link.net"], plan.Lookups.Select(l => l.Key));
        var problem = Assert.Single(plan.Problems, p => p.Kind == MessageProblemKind.PartScanLimited);
        Assert.Contains("50,000", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("late-link.net", context.TextBody, StringComparison.Ordinal); // the public body stays whole

        var whole = MessageKeyPlanner.Plan(context, new MessageOptions { BodyPartScanSize = 0 }, [Uri]);
        Assert.Equal(["early-link.net", "late-link.net"], whole.Lookups.Select(l => l.Key));
        Assert.DoesNotContain(whole.Problems, p => p.Kind == MessageProblemKind.PartScanLimited);
    }

    [Fact]
    public void Plan_TwoTextParts_EachCountedOnItsOwn()
    {
        // 60 KB of text in all, but neither part is over 50,000: every link is read.
        var first = "one http://first-part.net/ " + Filler(30_000);
        var second = Filler(29_000) + " two http://second-part-end.net/";
        var context = MessageContext.Parse(Message(("text/plain", first), ("text/plain", second)));

        var plan = MessageKeyPlanner.Plan(context, new MessageOptions(), [Uri]);

        Assert.Equal(["first-part.net", "second-part-end.net"], plan.Lookups.Select(l => l.Key));
        Assert.DoesNotContain(plan.Problems, p => p.Kind == MessageProblemKind.PartScanLimited);
    }

    [Fact]
    public void Plan_SecondPartOverTheLimit_OnlyItsTailIsCut()
    {
        var first = "one http://first-part.net/";
        var second = Filler(60_000) + " two http://second-part-end.net/";
        var third = "three http://third-part.net/";
        var context = MessageContext.Parse(Message(("text/plain", first), ("text/plain", second), ("text/plain", third)));

        var plan = MessageKeyPlanner.Plan(context, new MessageOptions(), [Uri]);

        Assert.Equal(["first-part.net", "third-part.net"], plan.Lookups.Select(l => l.Key));
        Assert.Single(plan.Problems, p => p.Kind == MessageProblemKind.PartScanLimited);
    }

    [Fact]
    public void Plan_LongHtmlPart_LateAnchorAskedLateTextLinkNot()
    {
        var html = "<p><a href=\"http://early-anchor.net/\">start</a></p><p>" + Filler(60_000) +
            " www.late-text-link.net <a href=\"http://late-anchor.net/\">late</a></p>";
        var context = MessageContext.Parse(Message(("text/html", html)));

        var plan = MessageKeyPlanner.Plan(context, new MessageOptions(), [Uri]);

        Assert.Equal(["early-anchor.net", "late-anchor.net"], plan.Lookups.Select(l => l.Key));
        Assert.Contains("link attributes are", Assert.Single(plan.Problems, p => p.Kind == MessageProblemKind.PartScanLimited).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_BodyPatternList_ReadsTheSameCutTextAndReportsTheCutOnce()
    {
        // check_hashbl_bodyre is a body rule: it reads SpamAssassin's cut body text too.
        var btc = new DnsList("bl.btcblack.test", DnsListKind.DomainBlockList)
        {
            Name = "btc",
            DomainSources = DomainSources.None,
            BodyPattern = @"\b(?<!=)([13][a-km-zA-HJ-NP-Z1-9]{25,34})\b",
        };
        var text = "pay 1BoatSLRHtKNngkdXEeobR76b53LETtpyT http://early-link.net/ " + Filler(60_000) + " or 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy";
        var context = MessageContext.Parse(Message(("text/plain", text)));

        var plan = MessageKeyPlanner.Plan(context, new MessageOptions(), [btc, Uri]);

        Assert.Equal(["1boatslrhtknngkdxeeobr76b53lettpyt", "early-link.net"], plan.Lookups.Select(l => l.Key));
        Assert.Single(plan.Problems, p => p.Kind == MessageProblemKind.PartScanLimited);
    }

    [Theory]
    [InlineData(new[] { "A", "B" }, new[] { 1, 3 })]
    [InlineData(new[] { "A", "", "C" }, new[] { 1, 2, 4 })]
    [InlineData(new[] { "", "", "abc" }, new[] { 3 })] // empty leading parts add no line break, so they are no parts here
    [InlineData(new[] { "", "ab", "", "cd" }, new[] { 2, 3, 6 })]
    public void Parse_SeveralTextParts_EndsMatchTheJoinedText(string[] parts, int[] ends)
    {
        var context = MessageContext.Parse(Message([.. parts.Select(p => ("text/plain", p))]));

        Assert.Equal(ends, context.TextPartEnds);
        var start = 0;
        foreach (var (end, part) in ends.Zip(parts.SkipWhile(p => p.Length == 0)))
        {
            Assert.Equal(part, context.TextBody![start..end]); // each recorded part is exactly its decoded text
            start = end + 1;
        }
    }

    [Theory]
    [InlineData("<a title=\"x>y\" href=\"http://late-anchor.net/\">late</a>")] // a '>' in a quoted value
    [InlineData("a < b <a href=\"http://late-anchor.net/\">late</a>")] // a '<' in text
    public void Plan_LongHtmlPart_LateAnchorsFoundAsInTheWholePart(string tail)
    {
        // After the cut only the visible text is left unread: every link attribute the whole part yields is still asked.
        var html = "<p>" + Filler(60_000) + "</p>" + tail;
        var whole = MessageKeyPlanner.Plan(MessageContext.Parse(Message(("text/html", html))), new MessageOptions { BodyPartScanSize = 0 }, [Uri]);
        var cut = MessageKeyPlanner.Plan(MessageContext.Parse(Message(("text/html", html))), new MessageOptions(), [Uri]);

        Assert.Contains("late-anchor.net", whole.Lookups.Select(l => l.Key));
        Assert.Equal(whole.Lookups.Select(l => l.Key), cut.Lookups.Select(l => l.Key));
    }

    [Fact]
    public void Plan_NegativeScanSize_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageKeyPlanner.Plan(new MessageContext(), new MessageOptions { BodyPartScanSize = -1 }, [Uri]));

    private static string Filler(int length)
    {
        var words = new System.Text.StringBuilder(length + 16);
        string[] vocabulary = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"];
        for (var i = 0; words.Length < length; i++)
        {
            words.Append(vocabulary[i % vocabulary.Length]).Append(i % 12 == 11 ? '\n' : ' ');
        }

        return words.ToString(0, length);
    }

    private static string Message(params (string Type, string Body)[] parts)
    {
        var message = new System.Text.StringBuilder("From: a@sender-domain.net\nTo: b@rcpt-domain.net\nSubject: t\nMIME-Version: 1.0\n");
        message.Append("Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
        foreach (var (type, body) in parts)
        {
            message.Append("--b0\nContent-Type: ").Append(type).Append("; charset=us-ascii\n\n").Append(body).Append('\n');
        }

        return message.Append("--b0--\n").ToString();
    }
}

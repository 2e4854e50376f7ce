using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// SpamAssassin's shipped redirector_pattern lines (20_uri_tests.cf, 72_active.cf), one real-shaped link each, read
/// as SpamAssassin's uri_list_canonicalize reads them (issue 15 part 4). None of these targets has an "http:" of its
/// own, so the built-in rule alone finds nothing: the target comes from the configured pattern.
/// </summary>
public sealed class RedirectorPatternSetTests
{
    // Without a match timeout: these tests are about what the patterns match, which must not depend on how busy the machine
    // is (a wall-clock timeout on a loaded machine is what the timeout tests below are for).
    private static readonly RedirectorPatternSet Shipped = RedirectorPatternSet.For(MessageConstants.DefaultRedirectorPatterns, Timeout.InfiniteTimeSpan);

    private static string? TargetOf(string link, RedirectorPatternSet patterns) =>
        RedirectTarget.Of(link, link.IndexOf("//", StringComparison.Ordinal) + 2, patterns);

    [Theory]
    // 20_uri_tests.cf
    [InlineData("http://chkpt.zdnet.com/chkpt/adfree/www.pill-shop.biz/yo/dude", "http://www.pill-shop.biz/yo/dude")]
    [InlineData("http://www2.nate.com/r/DA12/pill-shop.biz/landing", "http://pill-shop.biz/landing")]
    [InlineData("http://www.recreation.gov/portal/externalLink.jhtml?url=pill-shop.biz/x&id=3", "http://pill-shop.biz/x")]
    [InlineData("http://redir.internet.com/rss/click/pill-shop.biz/x", "http://pill-shop.biz/x")]
    [InlineData("http://adserver.adtech.de/adlink/3/12;link=pill-shop.biz/x;kw=1", "http://pill-shop.biz/x")]
    [InlineData("http://forum.board.example.net/redirect.php?tid=4&goto=pill-shop.biz/x&y=1", "http://pill-shop.biz/x")]
    [InlineData("https://t.emf3.com/r.cfm?x=1&r=pill-shop.biz/x", "http://pill-shop.biz/x")]
    // 72_active.cf
    [InlineData("http://portal.news.example.net/index.php?id=5&URL=pill-shop.biz/x&s=2", "http://pill-shop.biz/x")]
    [InlineData("https://www.google.com/url?sa=t&q=pill-shop.biz/x&usg=AOv", "http://pill-shop.biz/x")]
    [InlineData("https://www.google.com/search?q=cheap+pills+site:pill-shop.biz&hl=en", "http://pill-shop.biz")]
    [InlineData("https://www.google.de/search?q=%22pill-shop.biz%22&btnI=1", "http://pill-shop.biz")]
    [InlineData("https://translate.google.com/translate?hl=en&sl=auto&u=pill-shop.biz/x&prev=search", "http://pill-shop.biz/x")]
    [InlineData("https://pagead2.google.com/pagead/iclk?sa=l&ai=Bx&adurl=pill-shop.biz/x", "http://pill-shop.biz/x")]
    [InlineData("http://www.aol.com/redir.adp?_url=pill-shop.biz/x&_id=1", "http://pill-shop.biz/x")]
    public void Of_ShippedPatternLink_TargetFromThePattern(string link, string target)
    {
        Assert.Equal(target, TargetOf(link, Shipped));
        Assert.Null(TargetOf(link, RedirectorPatternSet.Empty));
    }

    [Fact]
    public void Of_FacebookLink_NotMatchedAsInSpamAssassin()
    {
        // 72_active.cf's m'^https?/*(?:\w+\.)?facebook\.com/l/;(.*)'i has no ':' after the scheme, so it matches no
        // canonical link in SpamAssassin either; kept verbatim so both ask the same names.
        Assert.Null(TargetOf("https://www.facebook.com/l/;pill-shop.biz/x", Shipped));
    }

    [Fact]
    public void Of_ShippedSet_HasEveryShippedLine()
        => Assert.Equal(15, MessageConstants.DefaultRedirectorPatterns.Count);

    [Theory]
    [InlineData("http://user:secret@chkpt.zdnet.com/chkpt/x/pill-shop.biz/", "http://pill-shop.biz/")] // user info is not in the matched string
    [InlineData("http://portal.example.net?url=pill-shop.biz", "http://pill-shop.biz")] // '/' put before a '?' after the host
    [InlineData("http://www2.nate.com/r/DA12/pill-shop%2Ebiz/x", "http://pill-shop.biz/x")] // %-escapes decoded first
    [InlineData(@"http://www2.nate.com\r\DA12\pill-shop.biz", "http://pill-shop.biz")] // backslashes read as '/'
    [InlineData("http://forum.example.net/redirect.php?goto=ftp.pill-shop.biz/f", "ftp://ftp.pill-shop.biz/f")]
    [InlineData("http://forum.example.net/redirect.php?goto=https:/pill-shop.biz/f", "https://pill-shop.biz/f")]
    public void Of_CanonicalisedLink_PatternSeesWhatSpamAssassinSees(string link, string target)
        => Assert.Equal(target, TargetOf(link, Shipped));

    [Fact]
    public void Of_UnschemedWwwLink_ReadAsHttp()
        => Assert.Equal("http://pill-shop.biz/x", RedirectTarget.Of("www.google.com/url?q=pill-shop.biz/x", 0, Shipped));

    [Fact]
    public void Of_PatternTargetWithoutDot_NextPatternThenBuiltInRuleTried()
    {
        var patterns = RedirectorPatternSet.For([@"(?i)^https?://r\.example\.net/a/([^/]*)", @"(?i)^https?://r\.example\.net/a/[^/]*/([^?]*)"]);

        Assert.Equal("http://pill-shop.biz/y", TargetOf("http://r.example.net/a/nodot/pill-shop.biz/y", patterns));
        Assert.Equal("http://second.example.org/", TargetOf("http://r.example.net/a/nodot/x?u=http://second.example.org/", patterns));
    }

    [Fact]
    public void Of_PatternMatched_BuiltInRuleNotUsed()
    {
        // SpamAssassin tries the built-in rule only when no pattern gave a target (Bug 7278).
        var patterns = RedirectorPatternSet.For([@"(?i)^https?://r\.example\.net/go\?to=([^&]*)"]);

        Assert.Equal("http://first.example.org", TargetOf("http://r.example.net/go?to=first.example.org&next=http://second.example.org/", patterns));
    }

    // (a|aa)+ nested in a loop, before a text that does not follow the a's, tries every way to split 40 a's (about 2^40):
    // far beyond any timeout on any machine, so it runs out of time whatever the machine's speed; the 1 ms timeout only
    // keeps the test short. The link holds the pattern's fixed text "b.c" elsewhere, so the prefilter lets it run.
    private const string Catastrophic = @"^http://r\.example\.net/((a|aa)+)+b\.c";
    private static readonly string Hostile = "http://r.example.net/" + new string('a', 40) + "x/b.c/pill-shop.biz";

    [Fact]
    public void TargetOf_BacktrackingPatternOnHostileLink_CountedAsTimedOutAndLaterPatternsStillRun()
    {
        var patterns = RedirectorPatternSet.For([Catastrophic, @"^http://r\.example\.net/a+x/(.*)"], TimeSpan.FromMilliseconds(1));

        Assert.Equal("b.c/pill-shop.biz", patterns.TargetOf(Hostile, out var timedOut));
        Assert.Equal(1, timedOut);
    }

    [Fact]
    public void TargetOf_PatternsWithinTime_NoneCountedAsTimedOut()
    {
        Assert.Equal("pill-shop.biz/x", Shipped.TargetOf("http://www.aol.com/redir.adp?_url=pill-shop.biz/x&_id=1", out var timedOut));
        Assert.Equal(0, timedOut);
    }

    [Fact]
    public void Extract_PatternTimesOutOnALink_ReportedAsProblemNamingTheHost()
    {
        var patterns = RedirectorPatternSet.For([Catastrophic], TimeSpan.FromMilliseconds(1));
        var problems = new List<MessageProblem>();

        var links = LinkExtractor.Extract(Hostile + " and http://clean.example.org/", null, PublicSuffixList.Embedded, patterns, problems);

        var problem = Assert.Single(problems);
        Assert.Equal(MessageProblemKind.PatternTimedOut, problem.Kind);
        Assert.Contains("r.example.net", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(["r.example.net", "clean.example.org"], links.Select(l => l.Host)); // the scan goes on past it
    }

    [Theory]
    [InlineData("(unclosed")]
    [InlineData("^http://no-group\\.example/")]
    [InlineData("")]
    public void For_InvalidPattern_ThrowsArgumentExceptionNamingIt(string pattern)
    {
        var error = Assert.Throws<ArgumentException>(() => RedirectorPatternSet.For([pattern]));
        Assert.Contains("redirector pattern", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_GoogleRedirectorAnchor_AddsTheTargetHostFromThePattern()
    {
        var links = LinkExtractor.Extract(null, "<a href=\"https://www.google.com/url?sa=t&amp;q=pill-shop.biz/x\">x</a>", PublicSuffixList.Embedded, Shipped);

        Assert.Equal(["www.google.com", "pill-shop.biz"], links.Select(l => l.Host));
    }

    [Fact]
    public void Extract_RedirectorToRedirector_BothTargetsFollowed()
    {
        var link = "https://www.google.com/url?q=http%3A%2F%2Fchkpt.zdnet.com%2Fchkpt%2Fx%2Fpill-shop.biz%2F&sa=D";

        var links = LinkExtractor.Extract(link, null, PublicSuffixList.Embedded, Shipped);

        Assert.Equal(["www.google.com", "chkpt.zdnet.com", "pill-shop.biz"], links.Select(l => l.Host));
    }

    [Theory]
    [InlineData("http://chkpt.zdnet.com/chkpt/|/", "chkpt.zdnet.com/chkpt/")] // not "http://…": every link starts so
    [InlineData("http|:|emf|.com/r.cfm|&r=", "emf")]
    [InlineData("/|?|URL=", "URL=")]
    [InlineData("http|:|google|/search?|q=", "search?")]
    [InlineData("http|:|google|/translate?|u=", "ranslate?")] // not "tra…", which every "track." link holds
    [InlineData("http|:|google|/pagead/iclk?|adurl=", "gead/iclk?")] // not "pag…" (page) or "age…" (image)
    [InlineData("http://|://", "http://")] // nothing rare: the longest text as it is
    public void KeyOf_RequiredTexts_ARarePartOfOneOfThem(string texts, string expected)
    {
        var required = texts.Split('|');

        var key = RedirectorPatternSet.KeyOf(required);

        Assert.Equal(expected, key);
        Assert.Contains(required, text => text.Contains(key, StringComparison.Ordinal)); // a part of a required text is required
    }
}

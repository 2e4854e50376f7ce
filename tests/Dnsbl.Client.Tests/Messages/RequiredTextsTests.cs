using System.Text.RegularExpressions;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

[Collection(CpuBoundTests.Name)]
public sealed class RequiredTextsTests
{
    // One real-shaped link per shipped redirector pattern (as RedirectorPatternSetTests), plus links of no pattern.
    private static readonly string[] Links =
    [
        "http://chkpt.zdnet.com/chkpt/adfree/www.pill-shop.biz/yo/dude",
        "http://www2.nate.com/r/DA12/pill-shop.biz/landing",
        "http://www.recreation.gov/portal/externalLink.jhtml?url=pill-shop.biz/x&id=3",
        "http://redir.internet.com/rss/click/pill-shop.biz/x",
        "http://adserver.adtech.de/adlink/3/12;link=pill-shop.biz/x;kw=1",
        "http://forum.board.example.net/redirect.php?tid=4&goto=pill-shop.biz/x&y=1",
        "https://t.emf3.com/r.cfm?x=1&r=pill-shop.biz/x",
        "http://portal.news.example.net/index.php?id=5&URL=pill-shop.biz/x&s=2",
        "https://www.google.com/url?sa=t&q=pill-shop.biz/x&usg=AOv",
        "https://www.google.com/search?q=cheap+pills+site:pill-shop.biz&hl=en",
        "https://www.google.de/search?q=%22pill-shop.biz%22&btnI=1",
        "https://translate.google.com/translate?hl=en&sl=auto&u=pill-shop.biz/x&prev=search",
        "https://pagead2.google.com/pagead/iclk?sa=l&ai=Bx&adurl=pill-shop.biz/x",
        "http://www.aol.com/redir.adp?_url=pill-shop.biz/x&_id=1",
        "https://www.facebook.com/l/;pill-shop.biz/x",
        "https/www.facebook.com/l/;pill-shop.biz/x",
        "http://www.example.com/?URL=a.b",
        "http://shop.example.net/products/item?id=42",
    ];

    [Fact]
    public void Of_ShippedZdnetPattern_TheFixedPrefixAndTheSlash()
        => Assert.Equal(["http://chkpt.zdnet.com/chkpt/", "/"], RequiredTexts.Of(@"(?i)^http:\/\/chkpt\.zdnet\.com\/chkpt\/\w+\/(.*)$"));

    [Fact]
    public void Of_OptionalCharacter_EndsTheTextBeforeIt()
        => Assert.Equal(["http", ":", "google", "/url?", "q="], RequiredTexts.Of(@"(?i)^https?:/*(?:\w+\.)?google(?:\.\w{2,3}){1,2}/url\?.*?(?<=[?&])q=(.*?)(?:$|[&\#])"));

    [Theory]
    [InlineData("abc|def")] // alternation at the top level
    [InlineData("(?x)a b c")] // extended mode: white space is not literal
    [InlineData(@"a\x41b")] // an escape with an argument
    [InlineData(@"(a)\1")] // a back-reference
    [InlineData("ab{,2}")] // a '{' this reader does not take for a quantifier
    public void Of_PatternNotReadSafely_NoTexts(string pattern)
        => Assert.Empty(RequiredTexts.Of(pattern));

    [Fact]
    public void Of_EveryShippedPattern_EveryMatchOfEveryLinkVariantHasItsTexts()
    {
        var variants = Links.SelectMany(Variants).Distinct(StringComparer.Ordinal).ToArray();
        var matched = 0;
        foreach (var pattern in MessageConstants.DefaultRedirectorPatterns)
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant);
            var texts = RequiredTexts.Of(pattern);
            foreach (var link in variants.Where(v => regex.IsMatch(v)))
            {
                matched++;
                Assert.True(RequiredTexts.AllIn(link, texts), $"{pattern} matches {link} without [{string.Join(", ", texts)}]");
            }
        }

        Assert.True(matched > 500, $"only {matched} matches: the variants do not exercise the patterns");
        Assert.All(MessageConstants.DefaultRedirectorPatterns, pattern => Assert.NotEmpty(RequiredTexts.Of(pattern)));
    }

    [Fact]
    public void CannotMatch_EveryLinkVariantItRulesOut_NoPatternGivesATarget()
    {
        var shipped = RedirectorPatternSet.For(MessageConstants.DefaultRedirectorPatterns, Timeout.InfiniteTimeSpan);
        var ruledOut = 0;
        foreach (var link in Links.SelectMany(Variants).Distinct(StringComparer.Ordinal))
        {
            var separator = link.IndexOf("://", StringComparison.Ordinal);
            var authorityStart = separator < 0 ? 0 : separator + 3;
            if (shipped.CannotMatch(link, authorityStart))
            {
                ruledOut++;
                Assert.Null(shipped.TargetOf(RedirectorLink.Canonical(link, authorityStart), out _));
            }
        }

        Assert.True(ruledOut > 100, $"only {ruledOut} variants ruled out");
        Assert.False(shipped.CannotMatch("https://www.google.com/url?sa=t&q=pill-shop.biz/x", "https://".Length));
        Assert.False(shipped.CannotMatch("https://www.google.com/url?q=pill-shop%2Ebiz", "https://".Length)); // an escape: left to TargetOf
    }

    // The link, each character left out in turn, each doubled, the link upper-cased, and with '/' and '?' swapped in turn.
    private static IEnumerable<string> Variants(string link)
    {
        yield return link;
        yield return link.ToUpperInvariant();
        for (var i = 0; i < link.Length; i++)
        {
            yield return link.Remove(i, 1);
            yield return link.Insert(i, link[i].ToString());
            yield return link[i] switch { '/' => link.Remove(i, 1).Insert(i, "?"), '?' => link.Remove(i, 1).Insert(i, "/"), _ => link };
        }
    }
}

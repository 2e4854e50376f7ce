using System.Text.RegularExpressions;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// <see cref="HtmlLinkAttributes.Find"/> against the regex it replaced (the oracle, kept only here): the same attributes
/// and values, in the same order, on generated and real-shaped HTML.
/// </summary>
public sealed class HtmlLinkAttributesTests
{
    private static readonly Regex Oracle = new(
        @"\b(?<attribute>href|src|action|background)\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s>""']+))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly string[] Fragments =
    [
        "href", "HREF", "hReF", "src", "SRC", "srcset", "action", "background", "bac\u212Aground", "xhref", "_src", "éhref", "\u200dsrc",
        "\u0903src", "=", " = ", "=\n", "\"", "'", "\"http://a.example/x\"", "'http://b.example'", "http://c.example", ">", "<a ", "<img ",
        " ", "\t", "data-href", "href=", "src =", "=\"", "='", "x", "\"\"", "''", "&amp;", "a=b", "<", "/",
    ];

    public static TheoryData<int> Seeds() => [41, 42, 43];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Find_GeneratedHtml_SameAttributesAsTheRegex(int seed)
    {
        foreach (var html in ScannerOracleTexts.Generated(Fragments, 3000, seed))
        {
            Assert.Equal(OracleAttributes(html), ScannerAttributes(html));
        }
    }

    [Fact]
    public void Find_CorpusBodies_SameAttributesAsTheRegex()
    {
        var compared = 0;
        foreach (var html in ScannerOracleTexts.CorpusBodies())
        {
            var expected = OracleAttributes(html);
            Assert.Equal(expected, ScannerAttributes(html));
            compared += expected.Count;
        }

        Assert.True(compared > 50, $"only {compared} attributes in the corpus bodies");
    }

    [Fact]
    public void Find_Anchor_GivesAnchorPriorityAndValue()
    {
        const string html = "<a class=x href = \"http://a.example/\">a</a><img src=http://b.example/i.png>";
        Assert.Equal([(LinkPriority.Anchor, "http://a.example/"), (LinkPriority.Image, "http://b.example/i.png")],
            HtmlLinkAttributes.Find(html).Select(found => (found.Priority, html.Substring(found.ValueStart, found.ValueLength))));
    }

    private static List<(int, string)> OracleAttributes(string html) =>
    [
        .. Oracle.Matches(html).Select(match => (
            match.Groups["attribute"].Value.ToLowerInvariant() switch
            {
                "href" => LinkPriority.Anchor,
                "action" => LinkPriority.Form,
                "src" => LinkPriority.Image,
                _ => LinkPriority.OtherMarkup,
            },
            match.Groups["value"].Value)),
    ];

    private static List<(int, string)> ScannerAttributes(string html) =>
        [.. HtmlLinkAttributes.Find(html).Select(found => (found.Priority, html.Substring(found.ValueStart, found.ValueLength)))];
}

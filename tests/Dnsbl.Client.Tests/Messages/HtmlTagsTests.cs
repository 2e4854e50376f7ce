using System.Text.RegularExpressions;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// <see cref="HtmlTags.ReplaceWithSpaces"/> against the regex it replaced (the oracle, kept only here): the same visible
/// text on generated and real-shaped HTML, unclosed comments and elements included.
/// </summary>
[Collection(CpuBoundTests.Name)]
public sealed class HtmlTagsTests
{
    private static readonly Regex Oracle = new(
        @"<!--.*?-->|<(?:script|style)\b.*?</(?:script|style)\s*>|<[^>]*>",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly string[] Fragments =
    [
        "<", ">", "<!--", "-->", "--", "<!-- x -->", "<script>", "</script>", "<SCRIPT type=x>", "</Script >", "</script\n>",
        "<style>", "</style>", "<styles>", "<scripts>", "</scripts>", "<script_x>", "<scriptй>", "<script\u200d>", "<script\u0903>",
        "</style\u2003>", "<a href=\"http://x.example\">", "</a>", "<p>", "text", "http://a.example", "&amp;", "<br/>", "<", "<<",
        ">>", "<!", "<!-", "<!---->", "<script", "</", "</script", "<style/>", "<b", "word", "é", "\r\n",
    ];

    public static TheoryData<int> Seeds() => [11, 12, 13];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ReplaceWithSpaces_GeneratedHtml_SameTextAsTheRegex(int seed)
    {
        foreach (var html in ScannerOracleTexts.Generated(Fragments, 3000, seed))
        {
            Assert.Equal(Oracle.Replace(html, " "), HtmlTags.ReplaceWithSpaces(html));
        }
    }

    [Fact]
    public void ReplaceWithSpaces_CorpusBodies_SameTextAsTheRegex()
    {
        foreach (var text in ScannerOracleTexts.CorpusBodies())
        {
            Assert.Equal(Oracle.Replace(text, " "), HtmlTags.ReplaceWithSpaces(text));
        }
    }

    [Theory]
    [InlineData("a<b>c</b>d", "a c d")]
    [InlineData("x<script>var a = '<b>';</script >y", "x y")]
    [InlineData("x<!-- <p> -->y", "x y")]
    [InlineData("x<!-- open <p>y", "x y")] // an unclosed comment is read as a plain tag
    [InlineData("x<script>never closed <p>y", "x never closed  y")]
    [InlineData("no tags", "no tags")]
    public void ReplaceWithSpaces_Markup_BecomesOneSpaceEach(string html, string text) => Assert.Equal(text, HtmlTags.ReplaceWithSpaces(html));
}

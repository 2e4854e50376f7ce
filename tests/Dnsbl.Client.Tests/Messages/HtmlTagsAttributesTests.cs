using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// The link extractor's one walk over HTML (<see cref="HtmlTags.ReplaceWithSpaces(string, Span{char}, Span{int}, out int)"/>)
/// against the two scans it joins, each checked against its regex (<see cref="HtmlTagsTests"/>, <see cref="HtmlLinkAttributesTests"/>):
/// the same visible text and the same attributes in the same order, where tags, comments, scripts and attribute values overlap.
/// </summary>
[Collection(CpuBoundTests.Name)]
public sealed class HtmlTagsAttributesTests
{
    private static readonly string[] Fragments =
    [
        "<", ">", "<!--", "-->", "<!-- href=http://c.example -->", "<script>", "</script>", "<SCRIPT src=x>", "</Script >", "<style>",
        "</style>", "<a href=\"http://x.example/<b>\">", "<a href='a>b'>", "</a>", "<p>", "text", "href", "HREF", "src", "=", " = ",
        "\"", "'", "http://a.example", "&amp;", "<img src=http://i.example/a.png>", "<form action=x>", "background=y", "xhref=z", "<<",
        "==", "<!", "é", "\r\n", "\u2003", "<b", "</", "src=\"", "href='", new string('x', 40), "<a\nhref\n=\n\"v\">",
    ];

    public static TheoryData<int> Seeds() => [51, 52, 53];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ReplaceWithSpaces_GeneratedHtml_SameTextAndAttributesAsTheTwoScans(int seed)
    {
        foreach (var html in ScannerOracleTexts.Generated(Fragments, 3000, seed))
        {
            AssertSameAsTheTwoScans(html);
        }
    }

    [Fact]
    public void ReplaceWithSpaces_CorpusBodies_SameTextAndAttributesAsTheTwoScans()
    {
        foreach (var html in ScannerOracleTexts.CorpusBodies())
        {
            AssertSameAsTheTwoScans(html);
        }
    }

    [Fact]
    public void ReplaceWithSpaces_LongHtml_AttributesOnBothSidesOfEveryBlock()
    {
        // Marks on every position modulo the vector width, and a tail shorter than one vector.
        var html = string.Concat(Enumerable.Range(0, 200).Select(i => $"<a href=\"http://h{i}.example/\">{new string('w', i % 37)}</a>")) + "<img src=x";
        AssertSameAsTheTwoScans(html);
        Assert.Equal(201, Walk(html).Attributes.Count);
    }

    private static void AssertSameAsTheTwoScans(string html)
    {
        var (text, attributes) = Walk(html);
        Assert.Equal(HtmlTags.ReplaceWithSpaces(html), text);
        Assert.Equal(HtmlLinkAttributes.Find(html).ToList(), attributes);
    }

    private static (string Text, List<(int, int, int)> Attributes) Walk(string html)
    {
        var chars = new char[html.Length];
        var ints = new int[HtmlTags.MaxAttributeInts(html.Length)];
        var length = HtmlTags.ReplaceWithSpaces(html, chars, ints, out var count);
        var attributes = Enumerable.Range(0, count).Select(i => (ints[3 * i], ints[(3 * i) + 1], ints[(3 * i) + 2])).ToList();
        return (new string(chars, 0, length), attributes);
    }
}

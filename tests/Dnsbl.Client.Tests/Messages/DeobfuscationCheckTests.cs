using System.Net;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// <see cref="LinkExtractor.NeedsDeobfuscation"/> and <see cref="LinkExtractor.NeedsDecodingOrDeobfuscation"/>, the one
/// search that lets most texts skip deobfuscation: true for every text that deobfuscation (and HTML decoding) changes.
/// </summary>
public sealed class DeobfuscationCheckTests
{
    private static readonly string[] Fragments =
    [
        "h", "H", "xx", "XX", "**", "tt", "TT", "p", "P", "s", "S", "ſ", ":", "[:]", "[:", "//", "/", "hxxp://", "hXXps[:]//",
        "h**p://", "HTTPS://", "Http://", "http://", "https://", "httpS://", "xhxxp://", "_hxxp://", "éhxxp://", "\u200chxxp://",
        "example.com", "[.]", "(.)", "{.}", "[dot]", "(DOT)", "{Dot}", "[d", "(", "[", "{", "d", ".", "&amp;", "&", "&#46;",
        "ftp://", "hxxps:/", "hxxp[:]/", " hxxp://", "a:b", "://", "p://", "ps://", "tp://",
    ];

    public static TheoryData<int> Seeds() => [31, 32, 33];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NeedsDeobfuscation_GeneratedTexts_TrueForEveryTextDeobfuscationChanges(int seed)
    {
        var changed = 0;
        foreach (var text in ScannerOracleTexts.Generated(Fragments, 4000, seed))
        {
            AssertCheckHolds(text, ref changed);
        }

        Assert.True(changed > 1000, $"only {changed} generated texts change");
    }

    [Fact]
    public void NeedsDeobfuscation_CorpusBodies_TrueForEveryTextDeobfuscationChanges()
    {
        var changed = 0;
        foreach (var text in ScannerOracleTexts.CorpusBodies())
        {
            AssertCheckHolds(text, ref changed);
        }

        Assert.True(changed > 0);
    }

    // Chars whose low byte is a mark (':' '[' '(' '{' '&') or that pack to a mark if narrowed wrongly, next to marks.
    private static readonly string[] PackingFragments =
    [
        "\u013A", "\u015B", "\u0128", "\u017B", "\u0126", "\uFF3A", "\u803A", "\uFFFF", "\u00FF", "é", "a", "bcdefgh", "0123456789abcdef",
        ":", "[", "(", "{", "&", "[.]", "(dot)", "{d", "[:]//", "hxxp://", "HTTP://", "http://", "&amp;", "a:b", "://",
    ];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void HasMark_GeneratedTextsAtEveryLengthAndAlignment_SameAsCharByChar(int seed)
    {
        var (marked, unmarked) = (0, 0);
        foreach (var generated in ScannerOracleTexts.Generated(PackingFragments, 1500, seed))
        {
            for (var skip = 0; skip < Math.Min(generated.Length, 40); skip++)
            {
                var text = generated.AsSpan(skip);
                var expected = LinkExtractor.HasMarkCharByChar(text, entities: false);
                Assert.Equal(expected, LinkExtractor.NeedsDeobfuscation(text));
                Assert.Equal(LinkExtractor.HasMarkCharByChar(text, entities: true), LinkExtractor.NeedsDecodingOrDeobfuscation(text));
                _ = expected ? marked++ : unmarked++;
            }
        }

        Assert.True(marked > 1000 && unmarked > 1000, $"{marked} marked, {unmarked} unmarked");
    }

    [Fact]
    public void HasMark_OneMarkAnywhereInLongText_Found()
    {
        // Punctuation whose low bytes are ':' and '&' (a letter before the scheme would hide it).
        for (var length = 16; length <= 100; length++)
        {
            for (var at = 0; at + 7 <= length; at++)
            {
                var text = new string('\u203A', at) + "h**p://" + new string('\u2026', length - at - 7);
                Assert.True(LinkExtractor.NeedsDeobfuscation(text), $"{length} {at}");
                Assert.False(LinkExtractor.NeedsDeobfuscation(text.Replace("h**p", "http", StringComparison.Ordinal)), $"{length} {at}");
            }
        }
    }

    [Theory]
    [InlineData("see https://a.example/x and http://b.example (c) [1] {x}: done")]
    [InlineData("ftp://files.example.com/ and mailto:x@example.com, 10:30")]
    public void NeedsDeobfuscation_PlainText_False(string text)
    {
        Assert.False(LinkExtractor.NeedsDeobfuscation(text));
        Assert.False(LinkExtractor.NeedsDecodingOrDeobfuscation(text));
    }

    [Theory]
    [InlineData("x hxxp://a.example")]
    [InlineData("HTTP://a.example")]
    [InlineData("https[:]//a.example")]
    [InlineData("a[.]example")]
    [InlineData("a (DOT) example")]
    public void NeedsDeobfuscation_Obfuscated_True(string text) => Assert.True(LinkExtractor.NeedsDeobfuscation(text));

    [Fact]
    public void NeedsDecodingOrDeobfuscation_Entity_True()
    {
        Assert.False(LinkExtractor.NeedsDeobfuscation("a &amp; b"));
        Assert.True(LinkExtractor.NeedsDecodingOrDeobfuscation("a &amp; b"));
    }

    private static void AssertCheckHolds(string text, ref int changed)
    {
        if (LinkExtractor.Deobfuscate(text) != text)
        {
            changed++;
            Assert.True(LinkExtractor.NeedsDeobfuscation(text), text);
        }

        if (WebUtility.HtmlDecode(text) != text || LinkExtractor.Deobfuscate(text) != text)
        {
            Assert.True(LinkExtractor.NeedsDecodingOrDeobfuscation(text), text);
        }
    }
}

using System.Text.RegularExpressions;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// <see cref="UrlScanner"/> against the regex it replaced (the oracle, kept only here): the same URLs at the same places,
/// in the same order, on generated and real-shaped texts.
/// </summary>
[Collection(CpuBoundTests.Name)]
public sealed class UrlScannerTests
{
    private static readonly Regex Oracle = new(
        @"(?:\b(?:https?|ftps?)://|\bwww\.)(?:\[[0-9A-Fa-f:.]+\]|[^\s<>""'\\/?#\[\]]+)[^\s<>""']*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly string[] Fragments =
    [
        "http://", "https://", "HTTP://", "HtTpS://", "ftp://", "FTPS://", "ftps:/", "http:/", "www.", "WWW.", "wWw", "xhttp://",
        "_www.", "1http://", "éhttp://", "example.com", "a", "/path?q=1#f", "[", "]", "[2001:db8::1]", "[::1", "[zz]", "<", ">",
        "\"", "'", "\\", "?", "#", "/", "http", "s", "S", "ſ", "://", ".", "h", "f", "w", "ww", "\u200dwww.", "\u0903www.",
        "_", "-", "ftpx://", "https//", "https:://", "www.www.", "hxxp://", "<a href=", ">", "mailto:x@y.z",
    ];

    public static TheoryData<int> Seeds() => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TryFind_GeneratedTexts_SameMatchesAsTheRegex(int seed)
        => ScannerOracleTexts.AssertSameOnGenerated(Oracle, UrlScanner.TryFind, Fragments, seed);

    [Fact]
    public void TryFind_CorpusBodies_SameMatchesAsTheRegex()
    {
        var compared = ScannerOracleTexts.AssertSameOnCorpus(Oracle, UrlScanner.TryFind);
        Assert.True(compared > 100, $"only {compared} URLs in the corpus bodies");
    }

    [Fact]
    public void TryFind_StartAtEveryBlockOffset_SameMatchesAsTheRegex()
    {
        // The marks (':' before '/', '.' after 'w') are looked for a vector block at a time with the chars on both sides of
        // the block, and a start counts only after a non-word char (or at the text's start): every offset of a block, after a
        // word char, a non-word char or a non-ASCII word char.
        foreach (var before in new[] { "", " ", "x", "_", "9", "é", "-", "\u00a0", "Ａ" })
        {
            for (var offset = 0; offset < 40; offset++)
            {
                var text = new string('q', offset) + before + "http://a.example/ w www.b.example Fhttp://no.example ftp://c.example";
                Assert.Equal(Oracle.Matches(text).Select(match => (match.Index, match.Length)), Matches(text));
                Assert.Equal(Oracle.Matches(text[offset..]).Select(match => (match.Index, match.Length)), Matches(text[offset..]));
            }
        }
    }

    [Fact]
    public void TryFind_FromEveryIndex_SameFirstMatchAsTheRegex()
    {
        // A URL's start is found from the mark after it (the ':' of "://", the '.' of "www."), 3 to 5 chars on: a search
        // from inside a scheme or a "www" must not take the start before it, and may still find the scheme's "ttp://" no
        // more than the regex does.
        const string text = "xx http://a.example HTTPS://b.example ftp://c.example FtPs://d.example wWw.e.example https:/ http:x "
            + "www ww.f www.www.g.example Kwww.h.example (https://i.example) now. new.com ftps:/x ftp://[::1]/ https://[zz]/";
        for (var from = 0; from <= text.Length; from++)
        {
            var expected = Oracle.Match(text, from);
            var found = UrlScanner.TryFind(text, from, out var start, out var length);
            Assert.Equal(expected.Success, found);
            Assert.Equal(expected.Success ? (expected.Index, expected.Length) : (0, 0), (start, length));
        }
    }

    [Fact]
    public void TryFind_EveryCharAfterTheHost_EndsTheUrlAsTheRegex()
    {
        // The URL's end is found a vector block at a time and then char by char: each UTF-16 unit, in a block and in the tail.
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            foreach (var text in new[] { $"see http://a.example/p{c}q x", $"see http://a.example/path/longer/than/a/block{c}q and more text after it" })
            {
                var expected = Oracle.Match(text);
                Assert.True(UrlScanner.TryFind(text, 0, out var start, out var length), $"U+{(int)c:X4}");
                Assert.Equal((expected.Index, expected.Length), (start, length));
            }
        }
    }

    private static List<(int, int)> Matches(string text)
    {
        var found = new List<(int, int)>();
        for (var from = 0; UrlScanner.TryFind(text, from, out var start, out var length); from = start + length)
        {
            found.Add((start, length));
        }

        return found;
    }

    [Theory]
    [InlineData("see https://shop.example.net/x?y=1 now", "https://shop.example.net/x?y=1")]
    [InlineData("at www.example.org.", "www.example.org.")]
    [InlineData("http://[2001:db8::1]:80/x\"", "http://[2001:db8::1]:80/x")]
    public void TryFind_Url_IsFound(string text, string url)
    {
        Assert.True(UrlScanner.TryFind(text, 0, out var start, out var length));
        Assert.Equal(url, text.Substring(start, length));
    }

    [Theory]
    [InlineData("xhttp://example.com")]
    [InlineData("http://[zz]/")]
    [InlineData("http:// example.com")]
    [InlineData("wwwexample.com")]
    public void TryFind_NotAUrl_IsNotFound(string text) => Assert.False(UrlScanner.TryFind(text, 0, out _, out _));
}

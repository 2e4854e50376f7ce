using System.Text.RegularExpressions;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// <see cref="RedirectTarget.Of"/> against the three regexes it used (the oracle, kept only here): the same target for
/// generated links and for every link of the corpus.
/// </summary>
[Collection(CpuBoundTests.Name)]
public sealed class RedirectTargetScanTests
{
    private static readonly Regex EmbeddedUrl = new(@"https?:/{0,2}[^&#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex SchemeSlashes = new(@"^(https?:)/{0,2}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex PercentEscape = new(@"%[0-9A-Fa-f]{2}", RegexOptions.CultureInvariant);

    private static readonly string[] Fragments =
    [
        "http:", "https:", "HTTP:", "hTtPs:", "http", "https", "httpss:", "ſ", "/", "//", "///", "&", "#", "?", "=", "q", "url",
        "%3A", "%2F", "%2f", "%", "%G1", "%3", "target.example.org", "h", "H", "s:", ":", "x", "%68ttp:", "&amp;", "é",
    ];

    public static TheoryData<int> Seeds() => [31, 32, 33];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Of_GeneratedLinks_SameTargetAsTheRegexes(int seed)
    {
        foreach (var tail in ScannerOracleTexts.Generated(Fragments, 3000, seed))
        {
            foreach (var prefix in (string[])["http://redir.example.net/", "https://r.example.net?", "http://r.example.net#", "HTTP://r.example.net"])
            {
                var link = prefix + tail;
                var authorityStart = link.IndexOf("//", StringComparison.Ordinal) + 2;
                Assert.Equal(Oracle(link, authorityStart), RedirectTarget.Of(link, authorityStart));
            }
        }
    }

    [Fact]
    public void Of_CorpusLinks_SameTargetAsTheRegexes()
    {
        var links = 0;
        foreach (var text in ScannerOracleTexts.CorpusBodies())
        {
            for (var from = 0; UrlScanner.TryFind(text, from, out var start, out var length); from = start + length)
            {
                var link = text.Substring(start, length);
                var separator = link.IndexOf("://", StringComparison.Ordinal);
                var authorityStart = separator < 0 ? 0 : separator + 3;
                Assert.Equal(Oracle(link, authorityStart), RedirectTarget.Of(link, authorityStart));
                links++;
            }
        }

        Assert.True(links > 100, $"only {links} links in the corpus");
    }

    private static string? Oracle(string link, int authorityStart)
    {
        // http(s) links, and unschemed ones (www.), which SpamAssassin reads as http.
        if (!link.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !link.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && authorityStart is not (0 or 2))
        {
            return null;
        }

        var pathStart = link.AsSpan(authorityStart).IndexOfAny('/', '?', '#');
        if (pathStart < 0)
        {
            return null;
        }

        var rest = link[(authorityStart + pathStart)..];
        if (PercentEscape.IsMatch(rest))
        {
            try
            {
                rest = Uri.UnescapeDataString(rest);
            }
            catch (UriFormatException)
            {
            }
        }

        var found = EmbeddedUrl.Match(rest);
        return found.Success && found.Value.Contains('.', StringComparison.Ordinal) ? SchemeSlashes.Replace(found.Value, "$1//") : null;
    }
}

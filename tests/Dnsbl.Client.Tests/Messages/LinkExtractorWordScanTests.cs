using System.Text;
using System.Text.RegularExpressions;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// The bare-host scan runs its pattern only over words holding a dot, the mail-address scan only around each @
/// (<see cref="LinkExtractor.NextHostWord"/>). Differential: on generated texts it finds exactly what the same patterns find
/// over the whole text, in the same order.
/// </summary>
public sealed class LinkExtractorWordScanTests
{
    private static readonly string[] Fragments =
    [
        "bad-site.com", "www.example.org", "a.b.c", "foo.bar.1x", "user@mail.example.net", "x@y", "a@b.c@d.com", "Main.pm",
        "bücher.de", "xn--bcher-kva.de", "訪問example.com", "(see", "it)", "<b>", "</b>", "word", "1.2.3.4", "@", ".", "..",
        "shop.co.uk", "dot.", ",", ";", "'", "\"", "`", "[x]", "{y}", "|", "?", "!", "mailto:", "http", "é", "ß.de", "-a-.com",
        "_u_.net", "\u001b", "end.com.", "a.", ".b", "info@shop.co.uk.", "<user@host.com>",
        // Dots the host word search passes over (no letter or digit before, or no letter after) beside ones it must not.
        "1.5", "x.1y", "a._b", "a.-b.com", "b.é", "é.de", "Ⅻ.com", "a.xn--p1ai", "A.B", "...com", "x..com", "a.\u212Aom", "a.\u212Aim", "9.x9",
    ];

    private static readonly string[] Separators = [" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "", "", ""];

    [Fact]
    public void Extract_GeneratedTexts_SameLinksAsWholeTextMatching()
    {
        var random = new Random(20261204);
        for (var sample = 0; sample < 2000; sample++)
        {
            var text = new StringBuilder();
            for (var part = random.Next(1, 30); part > 0; part--)
            {
                text.Append(Fragments[random.Next(Fragments.Length)]).Append(Separators[random.Next(Separators.Length)]);
            }

            var input = text.ToString();
            Assert.Equal(WholeText(input), ByWords(input));
        }
    }

    [Fact]
    public void NextHostWord_GeneratedTextsFromEveryPosition_SameAsDotByDotSearch()
    {
        // Dots beside every kind of neighbour the vectorised pre-test sorts: ASCII letters and digits, '@' '[' '`' '{'
        // (next to the letters), non-ASCII letters and numbers (٣ Nd, Ⅻ Nl, ² No) and symbols (€, ‐).
        string[] fragments = [".", "..", "a", "Z", "9", "@", "[", "`", "{", "é", "٣", "Ⅻ", "²", "€", "‐", "-", "_", "x.y", "1.a", "a.1", ".é", "é.", "abcdefghijklmnopq"];
        var random = new Random(20261205);
        var found = 0;
        for (var sample = 0; sample < 1500; sample++)
        {
            var text = new StringBuilder();
            for (var part = random.Next(1, 40); part > 0; part--)
            {
                text.Append(fragments[random.Next(fragments.Length)]).Append(Separators[random.Next(Separators.Length)]);
            }

            var input = text.ToString();
            for (var from = 0; from <= input.Length; from++)
            {
                var expected = HostWordDotByDot(input, from);
                Assert.Equal(expected is not null, LinkExtractor.NextHostWord(input, from, out var start, out var length));
                if (expected is { } word)
                {
                    Assert.Equal(word, (start, length));
                    found++;
                }
            }
        }

        Assert.True(found > 10000, $"{found}");
    }

    // The word search as it was: each dot in turn, with its edges found by the white space around it.
    private static (int Start, int Length)? HostWordDotByDot(string text, int from)
    {
        for (var dot = text.IndexOf('.', from); dot >= 0; dot = text.IndexOf('.', dot + 1))
        {
            if (dot > from && dot + 1 < text.Length && BareHostScanner.IsLetterOrNumber(text[dot - 1]) && BareHostScanner.IsLetter(text[dot + 1]))
            {
                var start = text.AsSpan(from, dot - from).LastIndexOfAny(TextScan.WhiteSpace) is var before and >= 0 ? from + before + 1 : from;
                var end = text.AsSpan(dot).IndexOfAny(TextScan.WhiteSpace) is var after and >= 0 ? dot + after : text.Length;
                return (start, end - start);
            }
        }

        return null;
    }

    [Fact]
    public void WhiteSpace_EveryChar_SameAsCharIsWhiteSpace()
    {
        // Words end at white space as char.IsWhiteSpace defines it; the vectorised search must agree on every UTF-16 unit.
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            Assert.True(TextScan.WhiteSpace.Contains(c) == char.IsWhiteSpace(c), $"U+{(int)c:X4}");
        }
    }

    [Theory]
    [InlineData("mail me@shop.example.net or see shop.example.net", "me@shop.example.net|shop.example.net")]
    [InlineData("see shop.example.net, then notes.txt", "shop.example.net")]
    public void Extract_MailAddressThenHost_EachOnce(string text, string expected) =>
        Assert.Equal(expected.Split("|"), ByWords(text).Select(link => link.Origin));

    // The production scan (private: it runs after the URL scan inside Extract).
    private static List<ExtractedLink> ByWords(string text)
    {
        var collector = new LinkCollector();
        LinkExtractor.ScanBareHosts(text.ToCharArray(), collector, PublicSuffixList.Embedded);
        return collector.Links;
    }

    // The scan as it was: each pattern over the whole text.
    private static List<ExtractedLink> WholeText(string text)
    {
        var collector = new LinkCollector();
        var rest = MailAddressScannerTests.Oracle.Replace(text, match =>
        {
            collector.AddHost(match.Groups["domain"].Value, match.Value, inMarkup: false, LinkPriority.Text, isMailAddress: true);
            return new string(' ', match.Length);
        });
        foreach (Match match in BareHostScannerTests.Oracle.Matches(rest))
        {
            var topLevel = PublicSuffixList.ToAscii(match.Value[(match.Value.LastIndexOf('.') + 1)..]);
            if (topLevel is not null && PublicSuffixList.Embedded.IsRule(topLevel))
            {
                collector.AddHost(match.Value, match.Value, inMarkup: false);
            }
        }

        return collector.Links;
    }
}

using System.Text.RegularExpressions;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// <see cref="MailAddressScanner"/> against the regex it replaced (the oracle, kept only here): the same addresses and
/// domains at the same places, in the same order, on generated and real-shaped texts.
/// </summary>
[Collection(CpuBoundTests.Name)]
public sealed class MailAddressScannerTests
{
    internal static readonly Regex Oracle = new(
        @"(?<![^\s<>""'`,(\[{|:;@])[^\s<>""'`,(\[{|@:;]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-.]{0,250}[\p{L}\p{N}])?@)*(?<domain>[\p{L}\p{N}](?:[\p{L}\p{N}\-.]{0,250}[\p{L}\p{N}])?)",
        RegexOptions.CultureInvariant);

    private static readonly string[] Fragments =
    [
        "user@mail.example.net", "x@y", "a@b.c@d.com", "@", "@@", "a@", "@b", "me@-x.com", "me@x-.com", "me@x..com", "me@x.com.",
        "me@x.com-", "me@bücher.de", "me@²³", "me@\u0301x", "名前@例え.jp", "<user@host.com>", "\"q\"@h.com", "a.b@c.d", "a/b@c.d",
        new string('l', 64) + "@x.com", new string('m', 65) + "@x.com", "n@" + new string('d', 251), "o@" + new string('e', 253),
        "p@" + new string('f', 250) + "-.g", "mailto:", "(", ")", "[", "]", "{", "}", "|", ":", ";", ",", "'", "`", "<", ">", "\"",
        ".", "-", "_", "é", "\u00a0", "\u2003", "\u200c", "word", "1", "x", "info@shop.co.uk.", "a@b@c", "@x@y.org", "a@b-@c.d", "@ID@XX@n.us",
    ];

    public static TheoryData<int> Seeds() => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TryFind_GeneratedTexts_SameMatchesAsTheRegex(int seed)
    {
        foreach (var text in ScannerOracleTexts.Generated(Fragments, 3000, seed))
        {
            Assert.Equal(OracleMatches(text), ScannerMatches(text));
        }
    }

    [Fact]
    public void TryFind_CorpusBodies_SameMatchesAsTheRegex()
    {
        var compared = 0;
        foreach (var text in ScannerOracleTexts.CorpusBodies())
        {
            var expected = OracleMatches(text);
            Assert.Equal(expected, ScannerMatches(text));
            compared += expected.Count;
        }

        Assert.True(compared > 20, $"only {compared} addresses in the corpus bodies");
    }

    [Theory]
    [InlineData("write to desk@sender-news.net.", "desk@sender-news.net", "sender-news.net")]
    [InlineData("<me@x.com->", "me@x.com", "x.com")]
    [InlineData("follow @alice@mastodon.social", "alice@mastodon.social", "mastodon.social")]
    [InlineData("=F0=9F=93=A7 @ID@XXXX@numerica.us", "ID@XXXX@numerica.us", "numerica.us")]
    [InlineData("a@b@numerica.us", "a@b@numerica.us", "numerica.us")]
    public void TryFind_Address_IsFound(string text, string address, string domain)
    {
        Assert.True(MailAddressScanner.TryFind(text, 0, out var start, out var length, out var domainStart));
        Assert.Equal(address, text.Substring(start, length));
        Assert.Equal(domain, text[domainStart..(start + length)]);
    }

    private static List<(int, int, int)> OracleMatches(string text) =>
        [.. Oracle.Matches(text).Select(match => (match.Index, match.Length, match.Groups["domain"].Index))];

    private static List<(int, int, int)> ScannerMatches(string text)
    {
        var found = new List<(int, int, int)>();
        for (var from = 0; MailAddressScanner.TryFind(text, from, out var start, out var length, out var domainStart); from = start + length)
        {
            found.Add((start, length, domainStart));
        }

        return found;
    }
}

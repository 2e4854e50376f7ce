using System.Text.RegularExpressions;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary>
/// <see cref="LinkExtractor.RestoreSchemes"/> against the regex replacement it replaced (the oracle, kept only here).
/// </summary>
public sealed class ObfuscatedSchemeTests
{
    private static readonly Regex Oracle = new(@"\bh(?:xx|XX|\*\*|tt)p(?<s>s?)(?:\[:\]|:)//", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly string[] Fragments =
    [
        "h", "H", "xx", "XX", "xX", "**", "*", "tt", "TT", "tT", "p", "P", "s", "S", "ſ", ":", "[:]", "[:", "//", "/", "hxxp://",
        "hXXps[:]//", "h**p://", "HTTPS://", "http://", "https://", "xhxxp://", "_hxxp://", "éhxxp://", "\u200chxxp://",
        "example.com", " ", "hxxps:/", "hxxpss://", "hxxp[:]/", "\u0903hxxp://",
    ];

    public static TheoryData<int> Seeds() => [21, 22, 23];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RestoreSchemes_GeneratedTexts_SameTextAsTheRegex(int seed)
    {
        foreach (var text in ScannerOracleTexts.Generated(Fragments, 3000, seed))
        {
            Assert.Equal(Oracle.Replace(text, match => "http" + match.Groups["s"].Value + "://"), LinkExtractor.RestoreSchemes(text));
        }
    }

    [Fact]
    public void RestoreSchemes_CorpusBodies_SameTextAsTheRegex()
    {
        foreach (var text in ScannerOracleTexts.CorpusBodies())
        {
            Assert.Equal(Oracle.Replace(text, match => "http" + match.Groups["s"].Value + "://"), LinkExtractor.RestoreSchemes(text));
        }
    }

    [Theory]
    [InlineData("go hxxps[:]//bad.example.net now", "go https://bad.example.net now")]
    [InlineData("H**P://x.example", "http://x.example")]
    public void RestoreSchemes_Obfuscated_IsRestored(string text, string restored) => Assert.Equal(restored, LinkExtractor.RestoreSchemes(text));

    [Fact]
    public void RestoreSchemes_PlainLinks_ReturnsTheSameInstance()
    {
        const string text = "see http://a.example and https://b.example";
        Assert.Same(text, LinkExtractor.RestoreSchemes(text));
    }
}

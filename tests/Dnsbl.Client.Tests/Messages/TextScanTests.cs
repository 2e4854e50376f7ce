using System.Text.RegularExpressions;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

/// <summary><see cref="TextScan"/>'s char tests mean what the regex constructs they replaced mean, for every UTF-16 unit.</summary>
[Collection(CpuBoundTests.Name)]
public sealed class TextScanTests
{
    [Fact]
    public void IsBoundaryWordChar_EveryChar_AgreesWithRegexWordBoundary()
    {
        var boundaryAfterFirst = new Regex(@"^.\b", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = new string((char)c, 1) + "a";

            // \b stands between the two chars exactly when the first is not a word char ('a' is one).
            Assert.True(boundaryAfterFirst.IsMatch(text) != TextScan.IsBoundaryWordChar((char)c), $"U+{c:X4}");
        }
    }

    [Theory]
    [InlineData("https", "HTTPS", true)]
    [InlineData("script", "ScRiPt", true)]
    [InlineData("s", "ſ", false)]
    [InlineData("background", "BAC\u212AGROUND", true)]
    [InlineData("http", "htt", false)]
    public void HasIgnoreCase_Text_MatchesAsciiCaseOnly(string lower, string text, bool expected) =>
        Assert.Equal(expected, TextScan.HasIgnoreCase(text, 0, lower));

    [Theory]
    [InlineData("", true)]
    [InlineData("0123456789", true)]
    [InlineData("12a", false)]
    [InlineData("١٢", false)] // Arabic-Indic digits are digits, not ASCII digits
    public void IsAsciiDigits_Text_OnlyZeroToNine(string text, bool expected) =>
        Assert.Equal(expected, TextScan.IsAsciiDigits(text));

    [Theory]
    [InlineData("<>\"'`,([{|:;@\u00A0" + TextScan.WhiteSpaceChars)]
    [InlineData("?@\u007F\u0000\u0080")] // the chars at the two words' edges (63, 64, 127, 0) and the first past ASCII
    public void AsciiMask_EveryChar_MemberExactlyWhenAsciiAndInTheSet(string members)
    {
        var set = System.Buffers.SearchValues.Create(members);
        var mask = TextScan.AsciiMaskOf(set);
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.Equal(c < 128 && set.Contains((char)c), mask.Contains((char)c));
        }
    }

    [Fact]
    public void AsciiMask_Union_HoldsTheMembersOfEither()
    {
        var union = TextScan.AsciiMaskOf(System.Buffers.SearchValues.Create("a\t")) | TextScan.AsciiMaskOf(System.Buffers.SearchValues.Create("Z~"));
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.Equal(c is 'a' or '\t' or 'Z' or '~', union.Contains((char)c));
        }
    }
}

using System.Net;
using Dnsbl.Client.Configuration;

namespace Dnsbl.Client.Tests.Configuration;

public sealed class SpamAssassinFilterTests
{
    [Theory]
    [InlineData("127.0.0.2", "127.0.0.2")]
    [InlineData("8", "anybits:0x8")]
    [InlineData("^127\\.0\\.0\\.[4567]$", "127.0.0.[4..7]")]
    [InlineData("^127\\.0\\.0\\.1[01]$", "127.0.0.[10..11]")]
    [InlineData("^127\\.0\\.\\d+\\.1$", "127.0.[0..255].1")]
    [InlineData("^127\\.0\\.\\d\\.0$", "127.0.[0..9].0")]
    [InlineData("^127\\.0\\.0\\.[0-2]\\d$", "127.0.0.[10..29]")]
    [InlineData("^127\\.0\\.0\\.0\\d$", "regex:^127\\.0\\.0\\.0\\d$")]
    [InlineData("127\\.0\\.0\\.2", "regex:127\\.0\\.0\\.2")]
    [InlineData("^127\\.0\\.1\\.", "regex:^127\\.0\\.1\\.")]
    public void TryTranslateRbl_SubTest_HasSpamAssassinsMeaning(string subTest, string expected)
    {
        Assert.True(SpamAssassinFilter.TryTranslateRbl(subTest, out var filter, out _));
        Assert.Equal(expected, filter!.ToString());
    }

    [Theory]
    [InlineData("^127\\.0\\.0\\.0\\d$", "127.0.0.5", false)] // "05" is never printed
    [InlineData("127\\.0\\.0\\.2", "127.0.0.25", true)]      // unanchored
    [InlineData("^127\\.0\\.0\\.[4567]$", "127.0.0.8", false)]
    [InlineData("(?i:127)", "127.1.2.3", true)]
    public void TryTranslateRbl_Regex_MatchesTheDottedAddress(string subTest, string code, bool expected)
    {
        Assert.True(SpamAssassinFilter.TryTranslateRbl(subTest, out var filter, out _));
        Assert.Equal(expected, filter!.Matches(IPAddress.Parse(code)));
    }

    [Theory]
    [InlineData("2", "anybits:0x2")]
    [InlineData("0x10", "anybits:0x10")]
    [InlineData("127.0.1.2", "127.0.1.2")]
    [InlineData("127.0.1.102-127.0.1.106", "127.0.1.[102..106]")]
    [InlineData("2130706444-2130706454", "127.0.0.[12..22]")]
    [InlineData("127.0.1.0/255.255.255.0", "127.0.1.[0..255]")]
    public void TryTranslateUri_SubTest_HasUriDnsblsMeaning(string subTest, string expected)
    {
        Assert.True(SpamAssassinFilter.TryTranslateUri(subTest, out var filter, out _));
        Assert.Equal(expected, filter!.ToString());
    }

    [Theory]
    [InlineData("127.0.0.1-127.0.1.1", "spans more than a last octet")]
    [InlineData("abc", "is not a number")]
    [InlineData("0", "matches nothing")]
    [InlineData("127.0.0.5-127.0.0.2", "is empty")]
    public void TryTranslateUri_Unsupported_SaysWhy(string subTest, string reason)
    {
        Assert.False(SpamAssassinFilter.TryTranslateUri(subTest, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}

using System.Net;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Lists;

public sealed class ReturnCodeFilterTests
{
    private static bool Matches(string filter, string code) => ReturnCodeFilter.Parse(filter).Matches(IPAddress.Parse(code));

    [Theory]
    [InlineData("127.0.0.2", "127.0.0.2", true)]
    [InlineData("127.0.0.2", "127.0.0.3", false)]
    [InlineData("0.0.0.0", "0.0.0.0", true)]
    [InlineData("255.255.255.255", "255.255.255.255", true)]
    public void Parse_ExactAddress_MatchesOnlyThatAddress(string filter, string code, bool expected) =>
        Assert.Equal(expected, Matches(filter, code));

    [Theory]
    [InlineData("127.0.0.[2..11]", "127.0.0.2", true)]
    [InlineData("127.0.0.[2..11]", "127.0.0.11", true)]
    [InlineData("127.0.0.[2..11]", "127.0.0.1", false)]
    [InlineData("127.0.0.[2..11]", "127.0.0.12", false)]
    [InlineData("127.0.0.[2;4;6..8]", "127.0.0.4", true)]
    [InlineData("127.0.0.[2;4;6..8]", "127.0.0.7", true)]
    [InlineData("127.0.0.[2;4;6..8]", "127.0.0.3", false)]
    [InlineData("127.0.0.[2;4;6..8]", "127.0.0.5", false)]
    [InlineData("127.0.[0..255].[0..255]", "127.0.200.0", true)]
    [InlineData("127.0.[0..255].[0..255]", "127.1.0.0", false)]
    [InlineData("[0..255].0.0.[255]", "9.0.0.255", true)]
    [InlineData("[0..255].0.0.[255]", "9.0.0.254", false)]
    [InlineData("127.0.[1;3].[0..1]", "127.0.3.1", true)]
    [InlineData("127.0.[1;3].[0..1]", "127.0.2.1", false)]
    public void Parse_OctetPattern_MatchesEachOctetAgainstItsSet(string filter, string code, bool expected) =>
        Assert.Equal(expected, Matches(filter, code));

    [Theory]
    [InlineData("127.0.0.0/24", "127.0.0.255", true)]
    [InlineData("127.0.0.0/24", "127.0.1.0", false)]
    [InlineData("127.0.0.0/8", "127.255.1.2", true)]
    [InlineData("0.0.0.0/0", "10.1.2.3", true)]
    [InlineData("127.0.0.2/32", "127.0.0.2", true)]
    [InlineData("127.0.0.2/32", "127.0.0.3", false)]
    public void Parse_Cidr_MatchesTheBlock(string filter, string code, bool expected) =>
        Assert.Equal(expected, Matches(filter, code));

    [Theory]
    [InlineData("anybits:12", "127.0.0.4", true)]
    [InlineData("anybits:12", "127.0.0.8", true)]
    [InlineData("anybits:12", "127.0.0.2", false)]
    [InlineData("bitmask:0x0c", "127.0.0.12", true)]
    [InlineData("bitmask:0x0c", "127.0.0.3", false)]
    [InlineData("allbits:12", "127.0.0.12", true)]
    [InlineData("allbits:12", "127.0.0.14", true)]
    [InlineData("allbits:12", "127.0.0.4", false)]
    [InlineData("ALLBITS:0XC", "127.0.0.13", true)]
    public void Parse_Bitmask_TestsTheMaskBits(string filter, string code, bool expected) =>
        Assert.Equal(expected, Matches(filter, code));

    [Theory]
    [InlineData("!127.0.0.2", "127.0.0.2", false)]
    [InlineData("!127.0.0.2", "127.0.0.3", true)]
    [InlineData("!127.0.0.[2..3]", "127.0.0.4", true)]
    [InlineData("!!127.0.0.2", "127.0.0.2", true)]
    [InlineData("any", "127.0.0.99", true)]
    [InlineData("!any", "127.0.0.99", false)]
    public void Parse_NegationAndAny_InvertOrAcceptAll(string filter, string code, bool expected) =>
        Assert.Equal(expected, Matches(filter, code));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("127.0.0", "expected 4 octets separated by '.', found 3")]
    [InlineData("127.0.0.2.1", "found 5")]
    [InlineData("127.0.0.[11..2]", "octet 4: range 11..2 is reversed")]
    [InlineData("127.0.0.256", "octet 4: 256 is not in 0..255")]
    [InlineData("127.0.[0..256].1", "octet 3: 256 is not in 0..255")]
    [InlineData("127.0.0.[]", "octet 4: empty list")]
    [InlineData("127.0.0.[2..5", "octet 4: '[2..5' has no closing ']'")]
    [InlineData("127.0.0.x", "octet 4: 'x' is not a number")]
    [InlineData("127..0.1", "octet 2: empty")]
    [InlineData("127.0.0.[2;;3]", "octet 4: missing number")]
    [InlineData("127.0.0.2..3", "found 6")]
    [InlineData("127.0.0.-1", "octet 4")]
    [InlineData("127.0.0.0/33", "CIDR prefix '33'")]
    [InlineData("127.0.0.1/24", "bits set beyond the prefix")]
    [InlineData("127.0.0.[0..1]/24", "is a pattern, not an address")]
    [InlineData("anybits:0", "mask must not be zero")]
    [InlineData("anybits:0x", "is not a 32-bit")]
    [InlineData("anybits:4294967296", "is not a 32-bit")]
    [InlineData("somebits:4", "unknown filter kind 'somebits'")]
    [InlineData("!", "after '!': the filter is empty")]
    [InlineData(" 127.0.0.2", "octet 1")]
    public void Parse_Garbage_ThrowsFormatExceptionSayingWhere(string text, string expectedFragment)
    {
        var exception = Assert.Throws<FormatException>(() => ReturnCodeFilter.Parse(text));
        Assert.Contains(expectedFragment, exception.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{text}\"", exception.Message, StringComparison.Ordinal);
        Assert.False(ReturnCodeFilter.TryParse(text, out _));
    }

    [Fact]
    public void Parse_HundredThousandNegations_DoesNotExhaustTheStack()
    {
        var filter = ReturnCodeFilter.Parse(new string('!', 100_001) + "127.0.0.2");
        Assert.Equal("!127.0.0.2", filter.ToString());
        Assert.False(filter.Matches(System.Net.IPAddress.Parse("127.0.0.2")));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse() => Assert.False(ReturnCodeFilter.TryParse(null, out _));

    [Theory]
    [InlineData("127.0.0.2", "127.0.0.2")]
    [InlineData("127.0.0.[2]", "127.0.0.2")]
    [InlineData("127.0.0.[2..11]", "127.0.0.[2..11]")]
    [InlineData("127.0.0.[6..8;2;4;3]", "127.0.0.[2..4;6..8]")]
    [InlineData("127.0.[0..255].[0;255]", "127.0.[0..255].[0;255]")]
    [InlineData("127.0.0.0/24", "127.0.0.0/24")]
    [InlineData("anybits:12", "anybits:0xc")]
    [InlineData("bitmask:0x0C", "anybits:0xc")]
    [InlineData("allbits:4294967295", "allbits:0xffffffff")]
    [InlineData("!127.0.0.[2..3]", "!127.0.0.[2..3]")]
    [InlineData("ANY", "any")]
    [InlineData("!!127.0.0.2", "127.0.0.2")]
    [InlineData("!!!anybits:1", "!anybits:0x1")]
    public void ToString_AnyFilter_IsCanonicalAndRoundTripsThroughParse(string text, string canonical)
    {
        var filter = ReturnCodeFilter.Parse(text);
        Assert.Equal(canonical, filter.ToString());
        var reparsed = ReturnCodeFilter.Parse(filter.ToString());
        Assert.Equal(filter, reparsed);
        Assert.Equal(canonical, reparsed.ToString());
    }

    [Fact]
    public void Matches_NonIPv4Address_IsFalse()
    {
        Assert.False(ReturnCodeFilter.Any.Matches(IPAddress.IPv6Loopback));
        Assert.False(ReturnCodeFilter.Parse("127.0.0.1").Matches(IPAddress.Parse("::ffff:127.0.0.1")));
    }

    [Fact]
    public void Factories_BuildTheSameFiltersAsTheText()
    {
        Assert.Equal(ReturnCodeFilter.Parse("127.0.0.2"), ReturnCodeFilter.Exact(IPAddress.Parse("127.0.0.2")));
        Assert.Equal(ReturnCodeFilter.Parse("127.0.0.0/24"), ReturnCodeFilter.Cidr(IPAddress.Parse("127.0.0.0"), 24));
        Assert.Equal(ReturnCodeFilter.Parse("anybits:12"), ReturnCodeFilter.AnyBits(12));
        Assert.Equal(ReturnCodeFilter.Parse("allbits:12"), ReturnCodeFilter.AllBits(12));
        Assert.Equal(ReturnCodeFilter.Parse("!127.0.0.2"), ReturnCodeFilter.Not(ReturnCodeFilter.Exact(IPAddress.Parse("127.0.0.2"))));
        Assert.NotEqual(ReturnCodeFilter.AnyBits(12), ReturnCodeFilter.AllBits(12));
    }

    [Fact]
    public void Factories_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => ReturnCodeFilter.Exact(IPAddress.IPv6Loopback));
        Assert.Throws<ArgumentException>(() => ReturnCodeFilter.Cidr(IPAddress.Parse("127.0.0.1"), 24));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReturnCodeFilter.Cidr(IPAddress.Parse("127.0.0.0"), 33));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReturnCodeFilter.AnyBits(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReturnCodeFilter.AllBits(0));
        Assert.Throws<ArgumentNullException>(() => ReturnCodeFilter.Not(null!));
    }

    [Fact]
    public void Matches_EveryCodeOfAnOctet_AgreesWithTheRangeSemantics()
    {
        var filter = ReturnCodeFilter.Parse("127.0.0.[0;10..20;255]");
        for (uint last = 0; last <= 255; last++)
        {
            var expected = last == 0 || last == 255 || last is >= 10 and <= 20;
            Assert.Equal(expected, filter.Matches(0x7F000000u | last));
        }
    }
}

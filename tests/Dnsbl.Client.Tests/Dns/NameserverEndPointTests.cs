using System.Net;
using Dnsbl.Client.Dns;

namespace Dnsbl.Client.Tests.Dns;

public sealed class NameserverEndPointTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", 53)]
    [InlineData(" 127.0.0.1:5353 ", "127.0.0.1", 5353)]
    [InlineData("::1", "::1", 53)]
    [InlineData("2001:db8::53", "2001:db8::53", 53)]
    [InlineData("[::1]:5353", "::1", 5353)]
    [InlineData("[2001:db8::53]", "2001:db8::53", 53)]
    public void TryParse_Address_GivesEndPoint(string text, string address, int port)
    {
        Assert.True(NameserverEndPoint.TryParse(text, out var endPoint, out var error));

        Assert.Equal(NameserverParseError.None, error);
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), endPoint);
    }

    [Theory]
    [InlineData("", (int)NameserverParseError.Empty)]
    [InlineData("   ", (int)NameserverParseError.Empty)]
    [InlineData("dns.example", (int)NameserverParseError.HostNameNotSupported)]
    [InlineData("dns.example:53", (int)NameserverParseError.HostNameNotSupported)]
    [InlineData("localhost", (int)NameserverParseError.HostNameNotSupported)]
    [InlineData("127.1", (int)NameserverParseError.InvalidAddress)]
    [InlineData("300.0.0.1", (int)NameserverParseError.InvalidAddress)]
    [InlineData("[::1", (int)NameserverParseError.InvalidAddress)]
    [InlineData("[::1]53", (int)NameserverParseError.InvalidAddress)]
    [InlineData("127.0.0.1:0", (int)NameserverParseError.InvalidPort)]
    [InlineData("127.0.0.1:65536", (int)NameserverParseError.InvalidPort)]
    [InlineData("127.0.0.1:", (int)NameserverParseError.InvalidPort)]
    [InlineData("[::1]:+53", (int)NameserverParseError.InvalidPort)]
    public void TryParse_Invalid_GivesTypedError(string text, int expected)
    {
        Assert.False(NameserverEndPoint.TryParse(text, out var endPoint, out var error));

        Assert.Equal((NameserverParseError)expected, error);
        Assert.Null(endPoint);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionQuotingTheText()
    {
        var exception = Assert.Throws<FormatException>(() => NameserverEndPoint.Parse("127.0.0.1:99999"));

        Assert.Contains("127.0.0.1:99999", exception.Message, StringComparison.Ordinal);
    }
}

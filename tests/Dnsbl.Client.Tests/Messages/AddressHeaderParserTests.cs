using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

public class AddressHeaderParserTests
{
    [Theory]
    [InlineData("user@example.com", "user@example.com")]
    [InlineData("John Doe <john@example.com>", "john@example.com")]
    [InlineData("\"Doe, John <fake@spoof.com>\" <john@example.com>", "john@example.com")]
    [InlineData("john@example.com (John Doe)", "john@example.com")]
    [InlineData("(comment <x@y.com>) john@example.com", "john@example.com")]
    [InlineData("a@one.com, b@two.com", "a@one.com")]
    [InlineData("Friends: a@one.com, b@two.com;", "a@one.com")]
    [InlineData("<@relay.com:user@example.com>", "user@example.com")]
    [InlineData("<>", "")]
    public void FirstAddress_HeaderForms_ReturnAddress(string value, string expected)
        => Assert.Equal(expected, AddressHeaderParser.FirstAddress(value));

    [Theory]
    [InlineData("")]
    [InlineData("undisclosed-recipients:;")]
    [InlineData("just words")]
    [InlineData("John Doe")]
    public void FirstAddress_NoAddress_IsNull(string value)
        => Assert.Null(AddressHeaderParser.FirstAddress(value));
}

using System.Net;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

public class MessageOptionsTests
{
    [Fact]
    public void Defaults_MatchDocumentation()
    {
        var options = new MessageOptions();
        Assert.Equal(20, options.MaxUriDomains);
        Assert.Empty(options.TrustedNetworks);
        Assert.Contains("w3.org", options.SkipDomains);
        Assert.Null(options.PublicSuffixes);
    }

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("::ffff:10.1.2.3", true)]
    [InlineData("2a01:4f8::1", true)]
    [InlineData("11.0.0.1", false)]
    public void IsTrusted_Address_MatchesNetworks(string address, bool expected)
    {
        var options = new MessageOptions { TrustedNetworks = [IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("2a01:4f8::/32")] };
        Assert.Equal(expected, options.IsTrusted(IPAddress.Parse(address)));
    }
}

using System.Net;
using Dnsbl.Client.Messages;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Tests.Messages;

public class AddressClassifierTests
{
    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("192.0.2.10")]
    [InlineData("198.51.100.1")]
    [InlineData("203.0.113.99")]
    [InlineData("224.0.0.1")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("0.1.2.3")]
    [InlineData("198.18.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("4000::1")]
    public void IsPrivateOrReserved_SpecialAddress_IsTrue(string address)
        => Assert.True(AddressClassifier.IsPrivateOrReserved(IPAddress.Parse(address)));

    [Theory]
    [InlineData("81.2.69.160")]
    [InlineData("8.8.8.8")]
    [InlineData("100.128.0.1")]
    [InlineData("172.32.0.1")]
    [InlineData("2a00:1450:4864:20::42b")]
    [InlineData("::ffff:81.2.69.160")]
    public void IsPrivateOrReserved_PublicAddress_IsFalse(string address)
        => Assert.False(AddressClassifier.IsPrivateOrReserved(IPAddress.Parse(address)));

    [Theory]
    [InlineData("192.0.2.1", true)]
    [InlineData("198.51.100.255", true)]
    [InlineData("203.0.113.0", true)]
    [InlineData("2001:db8:ffff::1", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("192.0.3.1", false)]
    [InlineData("2001:db9::1", false)]
    public void IsDocumentation_Address_MatchesRfc5737And3849(string address, bool expected)
        => Assert.Equal(expected, AddressClassifier.IsDocumentation(IPAddress.Parse(address)));
}

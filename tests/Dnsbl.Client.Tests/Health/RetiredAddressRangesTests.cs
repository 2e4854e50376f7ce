using System.Net;
using Dnsbl.Client.Health;

namespace Dnsbl.Client.Tests.Health;

public sealed class RetiredAddressRangesTests
{
    [Theory]
    [InlineData("192.0.2.1", true)]
    [InlineData("198.51.100.200", true)]
    [InlineData("203.0.113.5", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("0.1.2.3", true)]
    [InlineData("2001:db8::53", true)]
    [InlineData("::ffff:192.0.2.7", true)]
    [InlineData("192.0.3.1", false)]
    [InlineData("203.0.114.1", false)]
    [InlineData("2001:db9::1", false)]
    [InlineData("8.8.8.8", false)]
    public void IsRetired_KnownRanges(string address, bool retired) =>
        Assert.Equal(retired, RetiredAddressRanges.IsRetired(IPAddress.Parse(address), loopbackIsRetired: false));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.53.0.1")]
    [InlineData("::1")]
    public void IsRetired_LoopbackFollowsOption(string address)
    {
        Assert.True(RetiredAddressRanges.IsRetired(IPAddress.Parse(address), loopbackIsRetired: true));
        Assert.False(RetiredAddressRanges.IsRetired(IPAddress.Parse(address), loopbackIsRetired: false));
    }
}

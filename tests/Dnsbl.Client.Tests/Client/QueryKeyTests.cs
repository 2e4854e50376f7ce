using System.Net;
using Dnsbl.Client.Lookups;

namespace Dnsbl.Client.Tests.Client;

public sealed class QueryKeyTests
{
    private const string Zone = "bl.example.test";

    [Theory]
    [InlineData("127.0.0.2", "2.0.0.127")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("255.10.9.100", "100.9.10.255")]
    [InlineData("::ffff:192.0.2.99", "99.2.0.192")]
    [InlineData("2001:db8::1", "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2")]
    public void WriteCacheKey_Address_IsTheQueryNameWithoutTheZone(string address, string expected)
    {
        var key = QueryKey.FromAddress(IPAddress.Parse(address));
        Span<char> scratch = stackalloc char[QueryKey.MaxAddressCacheKeyLength];
        Span<char> name = stackalloc char[256];

        var cacheKey = key.WriteCacheKey(scratch).ToString();

        Assert.Equal(expected, cacheKey);
        Assert.True(key.TryFormat(Zone, name, out var written));
        Assert.Equal(name[..written].ToString(), $"{cacheKey}.{Zone}");
    }

    [Fact]
    public void WriteCacheKey_Domain_IsTheDomain()
    {
        var key = QueryKey.FromDomain("mail.example.org", "Mail.Example.org");

        Assert.Equal("mail.example.org", key.WriteCacheKey([]).ToString());
    }
}

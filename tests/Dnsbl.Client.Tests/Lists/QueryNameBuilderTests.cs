using System.Net;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Lists;

public sealed class QueryNameBuilderTests
{
    private const string Zone = "zen.example";

    [Theory]
    [InlineData("127.0.0.2", "2.0.0.127.zen.example")]
    [InlineData("192.0.2.99", "99.2.0.192.zen.example")]
    [InlineData("0.0.0.0", "0.0.0.0.zen.example")]
    [InlineData("255.255.255.255", "255.255.255.255.zen.example")]
    [InlineData("::ffff:127.0.0.2", "2.0.0.127.zen.example")]
    public void ForAddress_IPv4_ReversesTheOctets(string address, string expected) =>
        Assert.Equal(expected, QueryNameBuilder.ForAddress(IPAddress.Parse(address), Zone));

    [Fact]
    public void ForAddress_IPv6_Rfc5782Vector_Writes32ReversedNibbles() =>
        Assert.Equal(
            "b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.zen.example",
            QueryNameBuilder.ForAddress(IPAddress.Parse("2001:db8:1:2:3:4:567:89ab"), Zone));

    [Fact]
    public void ForAddress_IPv6Loopback_WritesEveryNibble() =>
        Assert.Equal(
            "1." + string.Concat(Enumerable.Repeat("0.", 31)) + Zone,
            QueryNameBuilder.ForAddress(IPAddress.IPv6Loopback, Zone));

    [Fact]
    public void TryWriteIPv4_FitsExactly_WritesAndReportsLength()
    {
        Span<char> buffer = stackalloc char["2.0.0.127.zen.example".Length];
        Assert.True(QueryNameBuilder.TryWriteIPv4(0x7F000002, Zone, buffer, out var written));
        Assert.Equal("2.0.0.127.zen.example", new string(buffer[..written]));
    }

    [Fact]
    public void TryWriteIPv4_DestinationTooSmall_ReturnsFalse()
    {
        Span<char> buffer = stackalloc char["2.0.0.127.zen.example".Length - 1];
        Assert.False(QueryNameBuilder.TryWriteIPv4(0x7F000002, Zone, buffer, out var written));
        Assert.Equal(0, written);
        Assert.False(QueryNameBuilder.TryWriteIPv4(0x7F000002, Zone, Span<char>.Empty, out _));
    }

    [Fact]
    public void TryWriteIPv6_ZoneMakesNameTooLong_ReturnsFalse()
    {
        // 64 prefix characters + a 190-character zone = 254 > 253.
        var zone = new string('a', 63) + "." + new string('b', 63) + "." + new string('c', 62);
        Assert.Equal(190, zone.Length);
        Span<char> buffer = stackalloc char[300];
        Assert.False(QueryNameBuilder.TryWriteAddress(IPAddress.IPv6Loopback, zone, buffer, out _));
        Assert.True(QueryNameBuilder.TryWriteAddress(IPAddress.IPv6Loopback, zone[1..], buffer, out var written));
        Assert.Equal(253, written);
        Assert.Throws<ArgumentException>(() => QueryNameBuilder.ForAddress(IPAddress.IPv6Loopback, zone));
    }

    [Fact]
    public void TryWriteAddress_DoesNotAllocate()
    {
        var address = IPAddress.Parse("2001:db8::1");
        var ipv4 = IPAddress.Parse("192.0.2.1");
        Span<char> buffer = stackalloc char[DomainName.MaxLength];
        QueryNameBuilder.TryWriteAddress(address, Zone, buffer, out _);
        QueryNameBuilder.TryWriteAddress(ipv4, Zone, buffer, out _);
        QueryNameBuilder.TryWriteDomain("example.org", Zone, buffer, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            QueryNameBuilder.TryWriteAddress(address, Zone, buffer, out _);
            QueryNameBuilder.TryWriteAddress(ipv4, Zone, buffer, out _);
            QueryNameBuilder.TryWriteDomain("example.org", Zone, buffer, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("example.org", "example.org.zen.example")]
    [InlineData("Mail.Example.ORG.", "mail.example.org.zen.example")]
    [InlineData("bücher.example", "xn--bcher-kva.example.zen.example")]
    public void ForDomain_ValidDomain_PrefixesTheNormalisedDomain(string domain, string expected) =>
        Assert.Equal(expected, QueryNameBuilder.ForDomain(domain, Zone));

    [Theory]
    [InlineData("evil.org\\032x")]
    [InlineData("a b.org")]
    [InlineData("a..org")]
    [InlineData("*.org")]
    [InlineData("evil.org\0.other")]
    public void TryBuildDomain_DomainThatWouldAlterLabels_IsRejected(string domain)
    {
        Assert.False(QueryNameBuilder.TryBuildDomain(domain, Zone, out var name, out var error));
        Assert.Null(name);
        Assert.NotNull(error);
        Span<char> buffer = stackalloc char[DomainName.MaxLength];
        Assert.False(QueryNameBuilder.TryWriteDomain(domain, Zone, buffer, out _));
    }

    [Fact]
    public void TryBuildDomain_TotalLongerThan253_IsATypedError()
    {
        var domain = new string('a', 63) + "." + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 50);
        Assert.False(QueryNameBuilder.TryBuildDomain(domain, Zone, out _, out var error));
        Assert.Contains("the limit is 253", error, StringComparison.Ordinal);
    }
}

using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Tests.Dns.Protocol;

public sealed class DnsNameWritingTests
{
    [Theory]
    [InlineData("2.0.0.127.zen.example", new byte[] { 1, 0x32, 1, 0x30, 1, 0x30, 3, 0x31, 0x32, 0x37, 3, 0x7A, 0x65, 0x6E, 7, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65, 0 })]
    [InlineData("a.", new byte[] { 1, 0x61, 0 })]
    [InlineData("", new byte[] { 0 })]
    [InlineData(".", new byte[] { 0 })]
    public void Encode_ValidName_ProducesWireLabels(string name, byte[] expected)
    {
        var buffer = new byte[300];

        int written = DnsName.Encode(name, buffer);

        Assert.Equal(expected, buffer[..written]);
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("bad\u00e9.example")]
    public void Encode_InvalidName_ThrowsArgumentException(string name)
    {
        Assert.Throws<ArgumentException>(() => DnsName.Encode(name, new byte[300]));
    }

    [Fact]
    public void Encode_LabelOf64_ThrowsArgumentExceptionNamingTheLimit()
    {
        var exception = Assert.Throws<ArgumentException>(() => DnsName.Encode(new string('a', 64) + ".example", new byte[300]));

        Assert.Contains("63", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_NameOver255Octets_ThrowsArgumentException()
    {
        string name = string.Join('.', Enumerable.Repeat(new string('a', 63), 4));

        Assert.Throws<ArgumentException>(() => DnsName.Encode(name, new byte[300]));
    }

    [Fact]
    public void Encode_BufferTooSmall_ReturnsMinusOne()
    {
        Assert.Equal(-1, DnsName.Encode("example.com", new byte[5]));
    }

    [Fact]
    public void Encode_EscapedOctets_RoundTripThroughReader()
    {
        var buffer = new byte[64];
        int written = DnsName.Encode("a\\.\\007.b", buffer);
        var reader = new DnsMessageReader(buffer.AsSpan(0, written));

        Assert.True(reader.TryReadName(out string name));
        Assert.Equal("a\\.\\007.b", name);
    }

    [Theory]
    [InlineData("Example.COM", "example.com.", true)]
    [InlineData("example.com", "example.org", false)]
    public void AreEqual_ComparesCaseInsensitivelyIgnoringRootDot(string left, string right, bool expected)
    {
        Assert.Equal(expected, DnsName.AreEqual(left, right));
    }
}

using Dnsbl.Client.Catalogue;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Catalogue;

public sealed class ZoneRedactorTests
{
    [Theory]
    [InlineData("2.0.0.127.abcdefghij0123456789klmnop.zen.dq.spamhaus.net", "2.0.0.127.***.zen.dq.spamhaus.net")]
    [InlineData("shortkey.zen.dq.spamhaus.net.", "***.zen.dq.spamhaus.net.")]
    [InlineData("example.com.SHORT.dbl.dq.spamhaus.com", "example.com.***.dbl.dq.spamhaus.com")]
    [InlineData("k3y.combined.mail.abusix.zone", "***.combined.mail.abusix.zone")]
    [InlineData("2.0.0.127.a1b2c3d4e5f6g7h8i9j0.example.net", "2.0.0.127.***.example.net")]
    [InlineData("zen.spamhaus.org", "zen.spamhaus.org")]
    [InlineData("zen.dq.spamhaus.net", "zen.dq.spamhaus.net")]
    [InlineData("averyveryverylongdomainlabel.com", "averyveryverylongdomainlabel.com")]
    public void Redact_Name_HidesOnlyKeyLabels(string input, string expected) =>
        Assert.Equal(expected, ZoneRedactor.Redact(input));

    [Fact]
    public void Redact_LogLine_HidesKeysInsideText()
    {
        const string key = "abcdefghij0123456789klmnop";
        var line = $"Query 2.0.0.127.{key}.zen.dq.spamhaus.net timed out (list zen.dq.spamhaus.net)";
        var redacted = ZoneRedactor.Redact(line);
        Assert.DoesNotContain(key, redacted, StringComparison.Ordinal);
        Assert.Equal("Query 2.0.0.127.***.zen.dq.spamhaus.net timed out (list zen.dq.spamhaus.net)", redacted);
    }

    [Theory]
    [InlineData("2.0.0.127.zen.spamhaus.org")]
    [InlineData("Query 2.0.0.127.bl.example timed out (list bl.example)")]
    [InlineData("***.zen.dq.spamhaus.net")]
    public void Redact_NothingToHide_ReturnsTheSameString(string text) =>
        Assert.Same(text, ZoneRedactor.Redact(text));

    [Fact]
    public void Redact_NullOrEmpty_ReturnsEmpty()
    {
        Assert.Equal(string.Empty, ZoneRedactor.Redact(null));
        Assert.Equal(string.Empty, ZoneRedactor.Redact(string.Empty));
    }

    [Fact]
    public void Redact_DqsListZone_NeverShowsTheKey()
    {
        const string key = "q9w8e7r6t5y4u3i2o1p0asdfgh";
        var list = DnsblCatalogue.SpamhausDqs(key, "spamhaus-dbl");
        Assert.DoesNotContain(key, ZoneRedactor.Redact(list.Zone), StringComparison.Ordinal);
        Assert.DoesNotContain(key, ZoneRedactor.Redact("evil.example." + list.Zone), StringComparison.Ordinal);
    }
}

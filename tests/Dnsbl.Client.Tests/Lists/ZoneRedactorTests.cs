using Dnsbl.Client.Catalogue;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Lists;

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

    // The fast path: text with nothing that could be a secret comes back as the same instance (no allocation).
    [Theory]
    [InlineData("2.0.0.127.zen.spamhaus.org")]
    [InlineData("Query 2.0.0.127.bl.example timed out (list bl.example)")]
    [InlineData("***.zen.dq.spamhaus.net")]
    [InlineData("b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.0.0.0.0.1.2.3.4.bl.test")]
    [InlineData("abcdefghij123456789.bl.test")] // 19 key characters: one short of a key-looking label
    [InlineData("lookup of 2.0.0.127.bl.test failed: timeout")]
    public void Redact_NothingToHide_ReturnsTheSameInstance(string text) =>
        Assert.Same(text, ZoneRedactor.Redact(text));

    [Theory]
    [InlineData("abcdefghij1234567890.bl.test", "***.bl.test")] // 20 key characters with a digit
    [InlineData("2.0.0.127.zen.dq.spamhaus.net", "2.0.0.***.zen.dq.spamhaus.net")] // positional rule, no key-looking label
    [InlineData("see 2.0.0.127.KEY.ZEN.DQ.SPAMHAUS.NET now", "see 2.0.0.127.***.ZEN.DQ.SPAMHAUS.NET now")]
    public void Redact_EitherRuleApplies_Masks(string text, string expected) =>
        Assert.Equal(expected, ZoneRedactor.Redact(text));

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

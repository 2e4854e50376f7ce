using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Lists;

public sealed class ZoneRedactorFastPathTests
{
    [Theory]
    [InlineData("2.0.0.127.zen.spamhaus.org")]
    [InlineData("b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.0.0.0.0.1.2.3.4.bl.test")]
    [InlineData("abcdefghij123456789.bl.test")] // 19 key characters: one short of a key-looking label
    [InlineData("lookup of 2.0.0.127.bl.test failed: timeout")]
    public void Redact_NothingThatCouldBeASecret_ReturnsTheSameInstance(string text) =>
        Assert.Same(text, ZoneRedactor.Redact(text));

    [Theory]
    [InlineData("abcdefghij1234567890.bl.test", "***.bl.test")] // 20 key characters with a digit
    [InlineData("2.0.0.127.zen.dq.spamhaus.net", "2.0.0.***.zen.dq.spamhaus.net")] // positional rule, no key-looking label
    [InlineData("see 2.0.0.127.KEY.ZEN.DQ.SPAMHAUS.NET now", "see 2.0.0.127.***.ZEN.DQ.SPAMHAUS.NET now")]
    public void Redact_EitherRuleApplies_StillMasks(string text, string expected) =>
        Assert.Equal(expected, ZoneRedactor.Redact(text));
}

using System.Net;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Lists;

public sealed class RegexCodeFilterTests
{
    [Fact]
    public void Parse_RegexFilter_MatchesTheDottedAddressUnanchoredAndRoundTrips()
    {
        var filter = ReturnCodeFilter.Parse(@"regex:127\.0\.\d+\.1");

        Assert.True(filter.Matches(IPAddress.Parse("127.0.5.1")));
        Assert.True(filter.Matches(IPAddress.Parse("127.0.5.10")));
        Assert.False(filter.Matches(IPAddress.Parse("127.0.5.2")));
        Assert.Equal(filter, ReturnCodeFilter.Parse(filter.ToString()));
    }

    [Fact]
    public void Parse_NegatedRegex_Negates() =>
        Assert.False(ReturnCodeFilter.Parse(@"!regex:^127\.0\.0\.2$").Matches(IPAddress.Parse("127.0.0.2")));

    [Theory]
    [InlineData("regex:")]
    [InlineData("regex:[")]
    public void TryParse_InvalidRegex_Fails(string text) =>
        Assert.False(ReturnCodeFilter.TryParse(text, out _));

    [Fact]
    public void Matches_BacktrackingExpression_IsNoMatchWithinTheTimeout()
    {
        var filter = ReturnCodeFilter.Parse(@"regex:^(\d+)*\.(\d+)*\.(\d+)*\.(\d+)*x$");

        Assert.False(filter.Matches(IPAddress.Parse("127.111.111.111")));
    }
}

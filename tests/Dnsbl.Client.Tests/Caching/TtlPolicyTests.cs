using Dnsbl.Client.Caching;

namespace Dnsbl.Client.Tests.Caching;

public sealed class TtlPolicyTests
{
    private readonly TtlPolicy _policy = new(TimeSpan.FromSeconds(60), TimeSpan.FromHours(1));

    [Theory]
    [InlineData(1, 60)] // below the minimum: raised to it (postscreen_dnsbl_min_ttl)
    [InlineData(60, 60)]
    [InlineData(900, 900)] // inside the bounds: kept
    [InlineData(3600, 3600)]
    [InlineData(86400, 3600)] // above the maximum: lowered to it (postscreen_dnsbl_max_ttl)
    public void Clamp_Ttl_WithinBounds(int seconds, int expected) =>
        Assert.Equal(TimeSpan.FromSeconds(expected), _policy.Clamp(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Clamp_NoTtl_Minimum() => Assert.Equal(TimeSpan.FromSeconds(60), _policy.Clamp(null));

    [Fact]
    public void Clamp_ZeroTtl_Minimum() => Assert.Equal(TimeSpan.FromSeconds(60), _policy.Clamp(TimeSpan.Zero));

    [Fact]
    public void Clamp_NegativeTimeSpan_Minimum() => Assert.Equal(TimeSpan.FromSeconds(60), _policy.Clamp(TimeSpan.FromSeconds(-5)));

    [Fact]
    public void Clamp_ZeroBounds_Zero_SoNothingIsCached() =>
        Assert.Equal(TimeSpan.Zero, new TtlPolicy(TimeSpan.Zero, TimeSpan.Zero).Clamp(TimeSpan.FromMinutes(5)));
}

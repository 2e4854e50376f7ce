using Dnsbl.Client.Budgets;
using Dnsbl.Client.Redis;
using Dnsbl.Client.Redis.Budget;

namespace Dnsbl.Client.Tests.Redis;

/// <summary>The shape of a budget count's Redis key and its expiry.</summary>
public sealed class RedisBudgetCounterTests
{
    private const string DqsZone = "k3y0f1234567890abcdefghijk.zen.dq.spamhaus.net";

    [Fact]
    public void KeyOf_ZoneWithDqsKey_HashedWithPeriodAndWindow()
    {
        var minute = RedisBudgetCounter.KeyOf("dnsbl:", new BudgetCount(DqsZone, BudgetPeriod.Minute, 29_949_840, 5));
        var day = RedisBudgetCounter.KeyOf("dnsbl:", new BudgetCount(DqsZone, BudgetPeriod.Day, 20_798, 5));

        Assert.Equal($"dnsbl:b:{RedisKeys.ZoneHash(DqsZone)}:m:29949840", minute);
        Assert.Equal($"dnsbl:b:{RedisKeys.ZoneHash(DqsZone)}:d:20798", day);
        Assert.DoesNotContain("k3y0f", minute, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpiryOf_EachPeriod_WindowPlusMargin()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), RedisBudgetCounter.ExpiryOf(BudgetPeriod.Minute));
        Assert.Equal(TimeSpan.FromHours(25), RedisBudgetCounter.ExpiryOf(BudgetPeriod.Day));
    }
}

using Dnsbl.Client.Caching;
using Microsoft.Extensions.Time.Testing;
using static Dnsbl.Client.Tests.Caching.OutcomeCacheTests;

namespace Dnsbl.Client.Tests.Caching;

/// <summary>The size bound: past it, expired entries go first, then the soonest-expiring ~10 % (so a burst does not sweep per insertion).</summary>
public sealed class OutcomeCacheEvictionTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Set_AtTheBound_EvictsNothing()
    {
        var cache = Create(slots: 1, sizeLimit: 10);

        for (var i = 0; i < 10; i++)
        {
            cache.Set(0, $"k{i}", Listed(), TimeSpan.FromSeconds(10 + i));
        }

        Assert.Equal(10, cache.Count);
        Assert.All(Enumerable.Range(0, 10), i => Assert.True(cache.TryGet(0, $"k{i}", out _)));
    }

    [Fact]
    public void Set_PastTheBound_ExpiredEntriesGoFirstAndNoLiveOneIsEvicted()
    {
        var cache = Create(slots: 2, sizeLimit: 10);
        for (var i = 0; i < 5; i++)
        {
            cache.Set(i % 2, $"expiring{i}", Listed(), TimeSpan.FromSeconds(10));
            cache.Set(i % 2, $"lasting{i}", Listed(), TimeSpan.FromSeconds(1000));
        }

        _time.Advance(TimeSpan.FromSeconds(20));
        cache.Set(0, "newest", Listed(), TimeSpan.FromSeconds(5)); // the soonest-expiring live entry, yet kept

        Assert.Equal(6, cache.Count);
        Assert.True(cache.TryGet(0, "newest", out _));
        Assert.All(Enumerable.Range(0, 5), i => Assert.True(cache.TryGet(i % 2, $"lasting{i}", out _)));
    }

    [Fact]
    public void Set_PastTheBoundNothingExpired_EvictsTheSoonestExpiringTenthAcrossLists()
    {
        var cache = Create(slots: 2, sizeLimit: 100);
        for (var i = 0; i < 100; i++)
        {
            cache.Set(i % 2, $"k{i}", Listed(), TimeSpan.FromSeconds(10 * (i + 1))); // k0 expires first
        }

        cache.Set(0, "newest", Listed(), TimeSpan.FromDays(1));

        var kept = Enumerable.Range(0, 100).Select(i => cache.TryGet(i % 2, $"k{i}", out _)).ToArray();
        var evicted = kept.Count(k => !k);
        Assert.InRange(evicted, 11, 20); // at least down to 90 % of the bound, about a tenth in all
        Assert.All(kept.Take(evicted), k => Assert.False(k)); // and exactly the soonest-expiring ones
        Assert.All(kept.Skip(evicted), Assert.True);
        Assert.True(cache.TryGet(0, "newest", out _));
        Assert.Equal(101 - evicted, cache.Count);
    }

    [Fact]
    public void Set_AfterAnEviction_NextInsertionsBelowTheBoundEvictNothing()
    {
        var cache = Create(slots: 1, sizeLimit: 100);
        for (var i = 0; i <= 100; i++)
        {
            cache.Set(0, $"k{i}", Listed(), TimeSpan.FromSeconds(10 * (i + 1)));
        }

        var afterEviction = cache.Count;
        cache.Set(0, "next", Listed(), TimeSpan.FromSeconds(1)); // would be the first to go in a sweep

        Assert.Equal(afterEviction + 1, cache.Count);
        Assert.True(cache.TryGet(0, "next", out _));
    }

    private OutcomeCache Create(int slots, int sizeLimit) =>
        new(slots, new TtlPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)), sizeLimit, _time);
}

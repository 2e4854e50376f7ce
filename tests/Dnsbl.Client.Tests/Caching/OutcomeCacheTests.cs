using System.Net;
using Dnsbl.Client.Caching;
using Dnsbl.Client.Lists;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Caching;

public sealed class OutcomeCacheTests
{
    private static readonly DnsList List = new("bl.test");
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TryGet_WithinTtl_HitMarkedFromCache_AfterTtl_MissAndEntryRemoved()
    {
        var cache = Create();
        cache.Set(0, "2.0.0.127", Listed(), TimeSpan.FromSeconds(120));

        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.True(cache.TryGet(0, "2.0.0.127", out var hit));
        Assert.Equal(ListOutcomeKind.Listed, hit.Kind);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet(0, "2.0.0.127", out _));
        Assert.Equal(0, cache.Count);
    }

    [Theory]
    [InlineData(ListOutcomeKind.Error)]
    [InlineData(ListOutcomeKind.Skipped)]
    public void Set_ErrorOrSkipped_NeverCached(ListOutcomeKind kind)
    {
        var cache = Create();

        cache.Set(0, "2.0.0.127", new ListOutcome { List = List, Input = "127.0.0.2", Kind = kind }, TimeSpan.FromHours(1));

        Assert.False(cache.TryGet(0, "2.0.0.127", out _));
        Assert.Equal(0, cache.Count);
    }

    [Theory]
    [InlineData(10, 60)] // an SOA minimum below the floor is raised to it
    [InlineData(300, 300)]
    [InlineData(7200, 3600)] // and one above the ceiling lowered to it
    public void Set_NegativeAnswer_KeptForItsClampedNegativeTtl(int negativeTtl, int keptFor)
    {
        var cache = Create();
        cache.Set(0, "1.0.0.127", NotListed(), TimeSpan.FromSeconds(negativeTtl));

        _time.Advance(TimeSpan.FromSeconds(keptFor - 1));
        Assert.True(cache.TryGet(0, "1.0.0.127", out var hit));
        Assert.Equal(ListOutcomeKind.NotListed, hit.Kind);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet(0, "1.0.0.127", out _));
    }

    [Fact]
    public void Set_NegativeAnswerWithoutSoa_KeptForTheMinimum()
    {
        var cache = Create();
        cache.Set(0, "1.0.0.127", NotListed(), timeToLive: null);

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.True(cache.TryGet(0, "1.0.0.127", out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet(0, "1.0.0.127", out _));
    }

    [Fact]
    public void Set_ZeroClampBounds_NothingCached()
    {
        var cache = new OutcomeCache(1, new TtlPolicy(TimeSpan.Zero, TimeSpan.Zero), 100, _time);

        cache.Set(0, "2.0.0.127", Listed(), TimeSpan.FromMinutes(5));

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Set_PlainNotListed_OneSharedOutcomePerList()
    {
        var cache = Create();
        cache.Set(0, "1.0.0.127", NotListed(), TimeSpan.FromMinutes(5));
        cache.Set(0, "3.0.0.127", NotListed(), TimeSpan.FromMinutes(5));

        Assert.True(cache.TryGet(0, "1.0.0.127", out var first));
        Assert.True(cache.TryGet(0, "3.0.0.127", out var second));

        Assert.Same(first, second);
        Assert.True(first.FromCache);
        Assert.Same(List, first.List);
    }

    [Fact]
    public void Set_SameKeyAgain_ReplacesWithoutCountingTwice()
    {
        var cache = Create();
        cache.Set(0, "2.0.0.127", Listed(), TimeSpan.FromMinutes(5));
        cache.Set(0, "2.0.0.127", NotListed(), TimeSpan.FromMinutes(5));

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet(0, "2.0.0.127", out var outcome));
        Assert.Equal(ListOutcomeKind.NotListed, outcome.Kind);
    }

    private OutcomeCache Create(int sizeLimit = 100_000) =>
        new(1, new TtlPolicy(TimeSpan.FromSeconds(60), TimeSpan.FromHours(1)), sizeLimit, _time);

    internal static ListOutcome Listed() =>
        new() { List = List, Input = "127.0.0.2", Kind = ListOutcomeKind.Listed, Codes = [IPAddress.Parse("127.0.0.2")] };

    internal static ListOutcome NotListed() => new() { List = List, Input = "127.0.0.1", Kind = ListOutcomeKind.NotListed };
}

using Dnsbl.Client.Health;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Health;

public sealed class LookupMinuteCountersTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void Count_SeveralOutcomesInOneMinute_SnapshotHasEachCount()
    {
        var counters = new LookupMinuteCounters(_time);

        counters.Count(LookupColumn.Listed, _time.GetTimestamp());
        counters.Count(LookupColumn.NotListed, _time.GetTimestamp());
        counters.Count(LookupColumn.NotListed, _time.GetTimestamp());
        counters.Count(LookupColumn.FromCache, _time.GetTimestamp());
        counters.Count(LookupColumn.SkippedDisabled, _time.GetTimestamp());
        counters.Count(LookupColumn.SkippedCircuitOpen, _time.GetTimestamp());
        counters.Count(LookupMinuteCounters.ErrorColumn(DnsblErrorKind.Timeout), _time.GetTimestamp());
        counters.Count(LookupMinuteCounters.ErrorColumn(DnsblErrorKind.Overloaded), _time.GetTimestamp());

        var minute = Assert.Single(counters.Snapshot(_time.GetTimestamp()));
        Assert.Equal(Start, minute.Start);
        Assert.Equal((1, 2, 1, 1, 1), (minute.Listed, minute.NotListed, minute.FromCache, minute.SkippedDisabled, minute.SkippedCircuitOpen));
        Assert.Equal(new Dictionary<string, int> { ["Timeout"] = 1, ["Overloaded"] = 1 }, minute.Errors);
    }

    [Fact]
    public void Count_InTwoMinutesWithAGap_OneEntryPerCountedMinuteOldestFirst()
    {
        var counters = new LookupMinuteCounters(_time);

        counters.Count(LookupColumn.Listed, _time.GetTimestamp());
        _time.Advance(TimeSpan.FromMinutes(3));
        counters.Count(LookupColumn.NotListed, _time.GetTimestamp());

        var minutes = counters.Snapshot(_time.GetTimestamp());
        Assert.Equal([Start, Start.AddMinutes(3)], minutes.Select(m => m.Start));
        Assert.Equal([1, 0], minutes.Select(m => m.Listed));
        Assert.Equal([0, 1], minutes.Select(m => m.NotListed));
    }

    [Fact]
    public void Snapshot_After25HoursOfLookupsEveryMinute_KeepsOnlyTheLast24Hours()
    {
        var counters = new LookupMinuteCounters(_time);

        counters.Count(LookupColumn.NotListed, _time.GetTimestamp());
        for (var minute = 1; minute < 25 * 60; minute++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            counters.Count(LookupColumn.NotListed, _time.GetTimestamp());
        }

        var minutes = counters.Snapshot(_time.GetTimestamp());
        Assert.Equal(HealthHistoryConstants.Minutes, minutes.Count);
        Assert.Equal(Start.AddMinutes(60), minutes[0].Start);
        Assert.Equal(Start.AddMinutes((25 * 60) - 1), minutes[^1].Start);
        Assert.All(minutes, m => Assert.Equal(1, m.NotListed));
    }

    [Fact]
    public void Count_SameSlotADayLater_OldMinuteClearedNotAdded()
    {
        var counters = new LookupMinuteCounters(_time);
        counters.Count(LookupColumn.Listed, _time.GetTimestamp());
        counters.Count(LookupColumn.Listed, _time.GetTimestamp());

        _time.Advance(TimeSpan.FromDays(1));
        counters.Count(LookupColumn.Listed, _time.GetTimestamp());

        var minute = Assert.Single(counters.Snapshot(_time.GetTimestamp()));
        Assert.Equal(Start.AddDays(1), minute.Start);
        Assert.Equal(1, minute.Listed);
    }

    [Fact]
    public async Task Count_FromManyThreadsAtOnce_LosesNoCount()
    {
        var counters = new LookupMinuteCounters(_time);
        var timestamp = _time.GetTimestamp();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counters.Count(LookupColumn.NotListed, timestamp);
            }
        })));

        Assert.Equal(80_000, Assert.Single(counters.Snapshot(timestamp)).NotListed);
    }
}

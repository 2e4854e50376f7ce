using Dnsbl.Client.Budgets;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Budgets;

/// <summary>Counting with and without a shared counter, the sync, the fallback to local counting and the states reported to health.</summary>
public sealed class QueryBudgetsTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-11T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly List<(string List, ListBudgetStatus Status)> _reports = [];
    private readonly FakeCounter _counter = new();
    private QueryBudgets? _budgets;

    public void Dispose() => _budgets?.Dispose();

    [Fact]
    public void TryTake_NoSharedCounter_CountsInProcessAndReportsNearThenOver()
    {
        var list = Budgeted(new ListBudget { PerMinute = 5 }, counter: null);

        var decisions = Enumerable.Range(0, 6).Select(i => _budgets!.TryTake(list, out _)).ToList();

        Assert.Equal(BudgetDecision.SkippedOverBudget, decisions[^1]);
        Assert.Equal(5, decisions.Count(d => d == BudgetDecision.Allowed));
        Assert.Equal([ListBudgetState.Within, ListBudgetState.NearLimit, ListBudgetState.OverBudget], _reports.Select(r => r.Status.State).Distinct());
        Assert.False(_reports[^1].Status.FleetWide);
    }

    [Fact]
    public void TryTake_WindowRollsOver_ListComesBackAndReportsWithin()
    {
        var list = Budgeted(new ListBudget { PerMinute = 1 }, counter: null);
        _budgets!.TryTake(list, out _);
        Assert.Equal(BudgetDecision.SkippedOverBudget, _budgets.TryTake(list, out var reason));
        Assert.StartsWith("over budget: 1 of 1 queries this minute; asked again from 12:01:00Z", reason, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(ListBudgetState.Within, _reports[^1].Status.State); // the sync timer re-read the state
        Assert.Equal(BudgetDecision.Allowed, _budgets.TryTake(list, out _));
    }

    [Fact]
    public async Task SyncOnceAsync_SharedCounterAnswers_AddsOwnCountsAndLearnsTheFleetTotal()
    {
        var list = Budgeted(new ListBudget { PerMinute = 100 }, _counter);
        _budgets!.TryTake(list, out _);
        _budgets.TryTake(list, out _);
        _counter.Others = 98;

        await _budgets.SyncOnceAsync(refresh: true);

        var added = _counter.Calls.SelectMany(c => c).Where(c => c.Period == BudgetPeriod.Minute).Sum(c => c.Count);
        Assert.Equal(2, added);
        Assert.Equal(BudgetDecision.SkippedOverBudget, _budgets.TryTake(list, out var reason));
        Assert.Contains("(fleet-wide)", reason, StringComparison.Ordinal);
        Assert.True(_budgets.FleetWide);
    }

    [Fact]
    public async Task SyncOnceAsync_OneFailedSync_KeepsTheShareRuleInsteadOfCountingAlone()
    {
        var list = Budgeted(new ListBudget { PerMinute = 8 }, _counter);
        _counter.Fails = true;
        Assert.Equal(BudgetDecision.Allowed, _budgets!.TryTake(list, out _)); // a share of one eighth of 8: synced at once
        await _budgets.WhenSynced;

        // The sync failed once: the counter may only be slow, so the unconfirmed query still fills this node's share.
        Assert.True(_budgets.FleetWide);
        Assert.Equal(BudgetDecision.SkippedAwaitingFleet, _budgets.TryTake(list, out var reason));
        Assert.Contains("awaits the fleet", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncOnceAsync_SharedCounterFailsLongEnough_FallsBackToLocalCountingAndResyncsLater()
    {
        var list = Budgeted(new ListBudget { PerMinute = 3 }, _counter);
        _counter.Fails = true;
        _budgets!.TryTake(list, out _); // one of a share of one: synced at once, in the background
        await _budgets.WhenSynced;
        Assert.True(_budgets.FleetWide); // one failure is not yet a counter gone

        _time.Advance(BudgetConstants.CounterGoneAfter); // the interval timer's syncs fail in the background meanwhile
        await _budgets.WhenSynced;
        await _budgets.SyncOnceAsync(refresh: true);
        Assert.False(_budgets.FleetWide);

        // Local counting has no fleet share to wait for: the limit alone decides.
        Assert.Equal(BudgetDecision.Allowed, _budgets.TryTake(list, out _));
        Assert.Equal(BudgetDecision.Allowed, _budgets.TryTake(list, out _));
        Assert.Equal(BudgetDecision.SkippedOverBudget, _budgets.TryTake(list, out _));

        _counter.Fails = false;
        await _budgets.WhenSynced; // no background sync may hold the counts in flight while this one runs
        await _budgets.SyncOnceAsync(refresh: true);
        Assert.True(_budgets.FleetWide);
        Assert.Equal(3, _counter.Total(BudgetPeriod.Minute)); // the counts kept while Redis was away reach it
    }

    [Fact]
    public void Resolve_NoListWithABudget_EmptyAndNoTimer()
    {
        _budgets = new QueryBudgets(null, _time, (l, s) => _reports.Add((l.Name, s)), NullLogger.Instance);

        var slots = _budgets.Resolve([new DnsList("a.test"), new DnsList("b.test") { Budget = new ListBudget() }]);

        Assert.Empty(slots);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(_reports);
    }

    private BudgetedList Budgeted(ListBudget budget, ISharedBudgetCounter? counter)
    {
        _budgets = new QueryBudgets(counter, _time, (l, s) => _reports.Add((l.Name, s)), NullLogger.Instance);
        return _budgets.Resolve([new DnsList("bl.test") { Budget = budget }])[0]!;
    }

    private sealed class FakeCounter : ISharedBudgetCounter
    {
        private readonly Dictionary<(BudgetPeriod, long), long> _totals = [];

        public List<BudgetCount[]> Calls { get; } = [];

        public bool Fails { get; set; }

        /// <summary>Queries the rest of the fleet adds before the next call.</summary>
        public long Others { get; set; }

        public long Total(BudgetPeriod period) => _totals.Where(t => t.Key.Item1 == period).Sum(t => t.Value);

        public ValueTask<bool> AddAsync(ReadOnlyMemory<BudgetCount> counts, Memory<long> totals, CancellationToken cancellationToken)
        {
            if (Fails)
            {
                return ValueTask.FromResult(false);
            }

            Calls.Add(counts.ToArray());
            for (var i = 0; i < counts.Length; i++)
            {
                var count = counts.Span[i];
                var key = (count.Period, count.Window);
                _totals[key] = _totals.GetValueOrDefault(key) + count.Count + Others;
                totals.Span[i] = _totals[key];
            }

            Others = 0;
            return ValueTask.FromResult(true);
        }
    }
}

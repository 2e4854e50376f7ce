using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Budgets;

/// <summary>
/// The counts of one zone's queries in the current minute and day. Every method takes a short lock: only lookups of
/// budgeted lists that are about to send a query come here, never a cache hit.
/// </summary>
internal sealed class BudgetAccount(string zone)
{
    private readonly Lock _lock = new();
    private BudgetWindow _minute;
    private BudgetWindow _day;

    public string Zone { get; } = zone;

    /// <summary>Decides whether one more query may be sent under <paramref name="budget"/> and counts it when it is sent.</summary>
    /// <param name="budget">The asking list's limits.</param>
    /// <param name="nowSeconds">Unix seconds now.</param>
    /// <param name="fleet">Whether the shared counter answers (else the counts are this process's and its last known fleet totals).</param>
    /// <param name="syncNow">True when enough is unsynced that the fleet should hear of it now rather than at the next interval.</param>
    public BudgetDecision TryTake(ListBudget budget, long nowSeconds, bool fleet, out bool syncNow)
    {
        lock (_lock)
        {
            Roll(nowSeconds);
            var exhausted = IsExhausted(budget.PerMinute, _minute) || IsExhausted(budget.PerDay, _day);
            var unconfirmedFull = fleet && (Slice(budget.PerMinute, _minute) is var minuteSlice && _minute.Unconfirmed >= minuteSlice
                || Slice(budget.PerDay, _day) is var daySlice && _day.Unconfirmed >= daySlice);
            var keepAsking = budget.WhenExhausted == BudgetExhaustedAction.KeepAsking;
            BudgetDecision decision;
            if (exhausted)
            {
                decision = keepAsking ? BudgetDecision.AllowedOverBudget : BudgetDecision.SkippedOverBudget;
            }
            else
            {
                decision = unconfirmedFull && !keepAsking ? BudgetDecision.SkippedAwaitingFleet : BudgetDecision.Allowed;
            }

            if (decision is BudgetDecision.Allowed or BudgetDecision.AllowedOverBudget)
            {
                _minute.Unflushed++;
                _day.Unflushed++;
            }

            syncNow = fleet && (WantsSync(budget.PerMinute, _minute) || WantsSync(budget.PerDay, _day));
            return decision;
        }
    }

    /// <summary>Uncounts a query that was counted but not sent after all (its circuit was open, or it joined one in flight).</summary>
    public void Return(long nowSeconds)
    {
        lock (_lock)
        {
            Roll(nowSeconds);
            if (_minute.Unflushed > 0)
            {
                _minute.Unflushed--;
            }

            if (_day.Unflushed > 0)
            {
                _day.Unflushed--;
            }
        }
    }

    /// <summary>Counts a query sent without a decision (the TXT record that follows a listing).</summary>
    public void Count(long nowSeconds)
    {
        lock (_lock)
        {
            Roll(nowSeconds);
            _minute.Unflushed++;
            _day.Unflushed++;
        }
    }

    /// <summary>Moves the unsynced counts into flight and adds them to <paramref name="counts"/>; with <paramref name="refresh"/>, zero counts too (to read the fleet's totals).</summary>
    public void TakeForSync(long nowSeconds, bool refresh, List<BudgetCount> counts, List<BudgetAccount> owners)
    {
        lock (_lock)
        {
            Roll(nowSeconds);
            Take(ref _minute, BudgetPeriod.Minute, refresh, counts, owners);
            Take(ref _day, BudgetPeriod.Day, refresh, counts, owners);
        }
    }

    /// <summary>The shared counter took <paramref name="count"/> and answered the window's fleet total.</summary>
    public void Confirm(BudgetCount count, long total)
    {
        lock (_lock)
        {
            ref var window = ref WindowOf(count.Period);
            if (window.Index == count.Window)
            {
                window.InFlight -= count.Count;
                // Normally the total holds our earlier counts and this one; after a store that lost its data (a Redis
                // restart without persistence) it may be lower: keep what we knew plus what we sent.
                window.Known = Math.Max(window.Known + count.Count, total);
            }
        }
    }

    /// <summary>The shared counter failed: the counts stay ours, to be synced later (while the window lasts).</summary>
    public void Unconfirm(BudgetCount count)
    {
        lock (_lock)
        {
            ref var window = ref WindowOf(count.Period);
            if (window.Index == count.Window)
            {
                window.InFlight -= count.Count;
                window.Unflushed += count.Count;
            }
        }
    }

    /// <summary>The counts as of <paramref name="nowSeconds"/>: used this minute and today.</summary>
    public (long Minute, long Day) Used(long nowSeconds)
    {
        lock (_lock)
        {
            Roll(nowSeconds);
            return (_minute.Used, _day.Used);
        }
    }

    private static bool IsExhausted(int? limit, in BudgetWindow window) => limit is { } l && window.Used >= l;

    private static long Slice(int? limit, in BudgetWindow window) =>
        limit is { } l ? Math.Max(1, (l - window.Known) / BudgetConstants.Slices) : long.MaxValue;

    private static bool WantsSync(int? limit, in BudgetWindow window) =>
        limit is not null && window.Unflushed > 0 && window.Unflushed >= Math.Max(1, Slice(limit, window) / 2);

    private void Take(ref BudgetWindow window, BudgetPeriod period, bool refresh, List<BudgetCount> counts, List<BudgetAccount> owners)
    {
        if (window.Unflushed == 0 && !refresh)
        {
            return;
        }

        counts.Add(new BudgetCount(Zone, period, window.Index, window.Unflushed));
        owners.Add(this);
        window.InFlight += window.Unflushed;
        window.Unflushed = 0;
    }

    private ref BudgetWindow WindowOf(BudgetPeriod period) => ref period == BudgetPeriod.Minute ? ref _minute : ref _day;

    private void Roll(long nowSeconds)
    {
        _minute.Roll(nowSeconds / BudgetConstants.SecondsPerMinute);
        _day.Roll(nowSeconds / BudgetConstants.SecondsPerDay);
    }
}

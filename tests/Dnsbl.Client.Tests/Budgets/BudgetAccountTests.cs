using Dnsbl.Client.Budgets;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Budgets;

/// <summary>One zone's counts: limits per window, rollover, keep asking, the fleet share and what a sync does to the counts.</summary>
public sealed class BudgetAccountTests
{
    private const long Noon = 1_796_990_400; // 2026-12-11T12:00:00Z: a minute boundary, twelve hours before a day boundary
    private readonly BudgetAccount _account = new("bl.test");

    [Fact]
    public void TryTake_LimitReachedInMinute_SkipsUntilTheMinuteRollsOver()
    {
        var budget = new ListBudget { PerMinute = 3 };

        var decisions = Enumerable.Range(0, 5).Select(i => _account.TryTake(budget, Noon + i, fleet: false, out _)).ToList();

        Assert.Equal([BudgetDecision.Allowed, BudgetDecision.Allowed, BudgetDecision.Allowed, BudgetDecision.SkippedOverBudget, BudgetDecision.SkippedOverBudget], decisions);
        Assert.Equal((3L, 3L), _account.Used(Noon + 59));
        Assert.Equal(BudgetDecision.Allowed, _account.TryTake(budget, Noon + 60, fleet: false, out _));
        Assert.Equal((1L, 4L), _account.Used(Noon + 60));
    }

    [Fact]
    public void TryTake_DailyLimitReached_SkipsAcrossMinutesUntilTheDayRollsOver()
    {
        var budget = new ListBudget { PerMinute = 100, PerDay = 2 };
        _account.TryTake(budget, Noon, fleet: false, out _);
        _account.TryTake(budget, Noon + 120, fleet: false, out _);

        Assert.Equal(BudgetDecision.SkippedOverBudget, _account.TryTake(budget, Noon + 3600, fleet: false, out _));
        Assert.Equal(BudgetDecision.Allowed, _account.TryTake(budget, Noon + (12 * 3600), fleet: false, out _));
    }

    [Fact]
    public void TryTake_KeepAskingPastTheLimit_AllowsAndCountsOverBudget()
    {
        var budget = new ListBudget { PerMinute = 1, WhenExhausted = BudgetExhaustedAction.KeepAsking };

        Assert.Equal(BudgetDecision.Allowed, _account.TryTake(budget, Noon, fleet: false, out _));
        Assert.Equal(BudgetDecision.AllowedOverBudget, _account.TryTake(budget, Noon, fleet: false, out _));
        Assert.Equal((2L, 2L), _account.Used(Noon));
    }

    [Fact]
    public void TryTake_FleetShareSentAndUnconfirmed_SkipsUntilTheCounterConfirms()
    {
        // Limit 16: a share of 16/8 = 2 unconfirmed queries, then the fleet must answer first.
        var budget = new ListBudget { PerMinute = 16 };
        Assert.Equal(BudgetDecision.Allowed, _account.TryTake(budget, Noon, fleet: true, out var firstSync));
        Assert.Equal(BudgetDecision.Allowed, _account.TryTake(budget, Noon, fleet: true, out _));
        Assert.True(firstSync); // half the share (1) pending: sync now

        Assert.Equal(BudgetDecision.SkippedAwaitingFleet, _account.TryTake(budget, Noon, fleet: true, out _));

        var counts = new List<BudgetCount>();
        var owners = new List<BudgetAccount>();
        _account.TakeForSync(Noon, refresh: false, counts, owners);
        var minute = Assert.Single(counts, c => c.Period == BudgetPeriod.Minute);
        Assert.Equal(2, minute.Count);
        _account.Confirm(minute, total: 10); // the rest of the fleet sent 8 meanwhile
        Assert.Equal(BudgetDecision.Allowed, _account.TryTake(budget, Noon, fleet: true, out _));
        Assert.Equal(11, _account.Used(Noon).Minute);
    }

    [Fact]
    public void TryTake_FleetTotalAtTheLimit_SkipsOverBudget()
    {
        var budget = new ListBudget { PerMinute = 5 };
        var read = Read(refresh: true);

        _account.Confirm(read, total: 5);

        Assert.Equal(BudgetDecision.SkippedOverBudget, _account.TryTake(budget, Noon, fleet: true, out _));
    }

    [Fact]
    public void Confirm_StoreLostItsCounts_KeepsWhatWasKnownPlusWhatWasSent()
    {
        var budget = new ListBudget { PerMinute = 100 };
        _account.Confirm(Read(refresh: true), total: 40);
        _account.TryTake(budget, Noon, fleet: true, out _);

        var sent = Read(refresh: false);
        _account.Confirm(sent, total: 1); // Redis restarted empty: only our one query is there

        Assert.Equal(41, _account.Used(Noon).Minute);
    }

    [Fact]
    public void Unconfirm_SyncFailed_CountsStayLocalAndAreSentNextTime()
    {
        var budget = new ListBudget { PerMinute = 100 };
        _account.TryTake(budget, Noon, fleet: true, out _);
        _account.TryTake(budget, Noon, fleet: true, out _);
        var failed = Read(refresh: false);

        _account.Unconfirm(failed);

        Assert.Equal(2, _account.Used(Noon).Minute);
        Assert.Equal(2, Read(refresh: false).Count);
    }

    [Fact]
    public void Return_QueryNotSent_IsUncounted()
    {
        var budget = new ListBudget { PerMinute = 1 };
        _account.TryTake(budget, Noon, fleet: false, out _);

        _account.Return(Noon);

        Assert.Equal(BudgetDecision.Allowed, _account.TryTake(budget, Noon, fleet: false, out _));
    }

    private BudgetCount Read(bool refresh)
    {
        var counts = new List<BudgetCount>();
        _account.TakeForSync(Noon, refresh, counts, []);
        return counts.Single(c => c.Period == BudgetPeriod.Minute);
    }
}

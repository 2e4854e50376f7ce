using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Budgets;

/// <summary>Turns a list's counts into its budget state and the status the health report shows.</summary>
internal static class BudgetStatusReader
{
    public static ListBudgetState StateOf(ListBudget budget, long usedMinute, long usedDay)
    {
        if (usedMinute >= (budget.PerMinute ?? long.MaxValue) || usedDay >= (budget.PerDay ?? long.MaxValue))
        {
            return ListBudgetState.OverBudget;
        }

        return FractionOf(budget.PerMinute, usedMinute) >= budget.NearFraction || FractionOf(budget.PerDay, usedDay) >= budget.NearFraction
            ? ListBudgetState.NearLimit
            : ListBudgetState.Within;
    }

    public static ListBudgetStatus StatusOf(ListBudget budget, long usedMinute, long usedDay, long nowSeconds, bool fleetWide)
    {
        var state = StateOf(budget, usedMinute, usedDay);
        var minuteFraction = FractionOf(budget.PerMinute, usedMinute);
        var dayFraction = FractionOf(budget.PerDay, usedDay);
        // The window that decides the state: the one nearer (or past) its limit; when it rolls over the state is re-read.
        // A spent day outlasts a spent minute.
        var decidingPeriod = dayFraction >= 1 || (minuteFraction < 1 && dayFraction >= minuteFraction) ? BudgetConstants.SecondsPerDay : BudgetConstants.SecondsPerMinute;
        return new ListBudgetStatus
        {
            State = state,
            UsedThisMinute = usedMinute,
            PerMinute = budget.PerMinute,
            UsedToday = usedDay,
            PerDay = budget.PerDay,
            UsedFraction = Math.Max(minuteFraction, dayFraction),
            Skipping = state == ListBudgetState.OverBudget && budget.WhenExhausted == BudgetExhaustedAction.Skip,
            FleetWide = fleetWide,
            ResetsAt = state == ListBudgetState.Within ? null : DateTimeOffset.FromUnixTimeSeconds(((nowSeconds / decidingPeriod) + 1) * decidingPeriod),
        };
    }

    /// <summary>The words a skipped lookup carries, e.g. <c>over budget: 60 of 60 queries this minute; asked again from 12:01:00Z</c>.</summary>
    public static string SkipReasonOf(ListBudgetStatus status)
    {
        var (used, limit, window) = status.PerMinute is { } perMinute && status.UsedThisMinute >= perMinute
            ? (status.UsedThisMinute, perMinute, "this minute")
            : (status.UsedToday, status.PerDay ?? 0, "today");
        return $"over budget: {used} of {limit} queries {window}{(status.FleetWide ? " (fleet-wide)" : string.Empty)}; asked again from {status.ResetsAt:HH:mm:ss}Z";
    }

    private static double FractionOf(int? limit, long used) => limit is { } l ? (double)used / l : 0;
}

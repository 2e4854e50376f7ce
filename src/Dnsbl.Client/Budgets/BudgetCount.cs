namespace Dnsbl.Client.Budgets;

/// <summary>
/// Queries one client sent to a zone in one window since its last sync, to add to the fleet's total. <see cref="Zone"/>
/// may hold a DQS key: a store must not keep or show it in clear (the Redis store hashes it).
/// </summary>
/// <param name="Zone">The zone the queries went to (lists that share a zone share its count).</param>
/// <param name="Period">Minute or day.</param>
/// <param name="Window">The window's index: Unix seconds divided by the period's length in seconds.</param>
/// <param name="Count">Queries to add (0 reads the total without adding).</param>
public readonly record struct BudgetCount(string Zone, BudgetPeriod Period, long Window, long Count)
{
    /// <summary>The period's length: one minute or one day.</summary>
    public TimeSpan Length => Period == BudgetPeriod.Minute ? TimeSpan.FromMinutes(1) : TimeSpan.FromDays(1);
}

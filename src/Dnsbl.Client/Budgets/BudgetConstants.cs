namespace Dnsbl.Client.Budgets;

/// <summary>Defaults of query budgets.</summary>
internal static class BudgetConstants
{
    /// <summary>How often a client syncs its counts with the fleet and refreshes the budget state it reports (also when it sends nothing).</summary>
    public static readonly TimeSpan SyncInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A client keeps at most 1/<c>Slices</c> of the headroom it last saw (limit − fleet total, at least one query)
    /// sent but not yet confirmed by the shared counter, and syncs once half of that is pending: far from the limit
    /// that is one command per many queries, near it one per query, and a fleet of up to this many clients cannot
    /// together overrun the headroom they saw.
    /// </summary>
    public const int Slices = 8;

    /// <summary>
    /// How long syncs must keep failing before a client counts on its own. One failed sync (a 250 ms Redis timeout on a
    /// loaded machine) is no sign the counter is gone: until then the share rule still holds, so a client can spend at
    /// most its share of the headroom unconfirmed, where counting alone would let it spend all of it (measured: two
    /// clients sent 184 queries on a budget of 100 after one timed-out sync).
    /// </summary>
    public static readonly TimeSpan CounterGoneAfter = TimeSpan.FromSeconds(3);

    public const long SecondsPerMinute = 60;

    public const long SecondsPerDay = 86_400;
}

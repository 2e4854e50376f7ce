namespace Dnsbl.Client.Budgets;

/// <summary>
/// One window's counts as a client sees them: the fleet total at the latest sync (<see cref="Known"/>, own confirmed
/// queries included), own queries being synced (<see cref="InFlight"/>) and own queries not synced yet (<see cref="Unflushed"/>).
/// Mutated only under its account's lock.
/// </summary>
internal struct BudgetWindow
{
    public long Index;
    public long Known;
    public long InFlight;
    public long Unflushed;

    public readonly long Used => Known + InFlight + Unflushed;

    public readonly long Unconfirmed => InFlight + Unflushed;

    /// <summary>Starts afresh when <paramref name="index"/> is a new window: the counts of the old one no longer matter.</summary>
    public void Roll(long index)
    {
        if (index != Index)
        {
            this = new BudgetWindow { Index = index };
        }
    }
}

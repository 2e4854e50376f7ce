namespace Dnsbl.Client.Budgets;

/// <summary>
/// Counts the queries a fleet sends to each budgeted list, per window (implemented by the <c>Dnsbl.Client.Redis</c>
/// package). A client adds what it sent since its last sync, batched for all its lists in one call, and learns the
/// fleet's totals; lookups never wait for it. While it fails, the client counts in-process.
/// </summary>
public interface ISharedBudgetCounter
{
    /// <summary>Adds every count to its window's fleet-wide total (in one round trip) and fills <paramref name="totals"/> with the totals after adding.</summary>
    /// <param name="counts">What to add; a count of 0 only reads.</param>
    /// <param name="totals">As long as <paramref name="counts"/>: each window's fleet-wide total, this call's count included.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the totals are filled; false when the store could not be reached in time (nothing is known to be added).</returns>
    ValueTask<bool> AddAsync(ReadOnlyMemory<BudgetCount> counts, Memory<long> totals, CancellationToken cancellationToken);
}

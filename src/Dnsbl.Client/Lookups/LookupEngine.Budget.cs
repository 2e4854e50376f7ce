using Dnsbl.Client.Budgets;
using Dnsbl.Client.Health;

namespace Dnsbl.Client.Lookups;

/// <summary>
/// Query budgets on the lookup path: only a lookup that is about to send a query asks its list's budget (cache hits,
/// shared-cache hits and coalesced lookups never do); a list without a budget costs one length check.
/// </summary>
internal sealed partial class LookupEngine
{
    // The client's budgets (null: none at all) and each slot's budget for the snapshot they were resolved for.
    private readonly QueryBudgets? _budgets;
    private volatile BudgetSlots? _budgetSlots;

    /// <summary>The budget of <paramref name="slot"/>, or null when its list has none.</summary>
    private BudgetedList? BudgetOf(ClientSnapshot snapshot, int slot)
    {
        if (_budgets is null)
        {
            return null;
        }

        var slots = _budgetSlots;
        if (slots is null || !ReferenceEquals(slots.Snapshot, snapshot))
        {
            slots = new BudgetSlots(snapshot, _budgets.Resolve(snapshot.Lists));
            _budgetSlots = slots;
        }

        return slots.Lists.Length == 0 ? null : slots.Lists[slot];
    }

    /// <summary>False with the skip reason when the list's budget forbids the query; a query allowed is counted.</summary>
    private bool TryTakeBudget(BudgetedList budget, out string? skipReason)
    {
        var decision = _budgets!.TryTake(budget, out skipReason);
        if (decision == BudgetDecision.AllowedOverBudget)
        {
            _metrics.AskedOverBudget(budget.List.Name);
        }

        return decision is BudgetDecision.Allowed or BudgetDecision.AllowedOverBudget;
    }

    private void CountSkippedOverBudget(ClientSnapshot snapshot, int slot, long now)
    {
        _metrics.Skipped(snapshot.Lists[slot].Name, "overBudget");
        _gate.CountLookup(snapshot.Gates, slot, LookupColumn.SkippedOverBudget, now);
    }

    private sealed record BudgetSlots(ClientSnapshot Snapshot, BudgetedList?[] Lists);
}

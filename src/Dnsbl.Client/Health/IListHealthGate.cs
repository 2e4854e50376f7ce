using System.Diagnostics.CodeAnalysis;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Health;

/// <summary>What lookups ask of health: may this list be queried, and a refusal was seen in a real lookup.</summary>
internal interface IListHealthGate
{
    /// <summary>False with a reason (e.g. <c>disabled: lists everything</c>) when the list must be skipped.</summary>
    bool IsEnabled(DnsList list, [NotNullWhen(false)] out string? reason);

    /// <summary>Finds the gate state of <paramref name="lists"/> once, for <see cref="IsEnabled(ListGateSlots, int, out string?)"/>.</summary>
    ListGateSlots ResolveSlots(DnsList[] lists);

    /// <summary>As <see cref="IsEnabled(DnsList, out string?)"/> for the list in <paramref name="slot"/> of <paramref name="slots"/>, without a lookup by name.</summary>
    bool IsEnabled(ListGateSlots slots, int slot, [NotNullWhen(false)] out string? reason);

    /// <summary>A real lookup saw an operator refusal code: probe the list now (as SpamAssassin suspends the zone).</summary>
    void ReportRefusal(DnsList list);

    /// <summary>Counts one lookup of the list in <paramref name="slot"/> in its per-minute history (lock-free; <paramref name="timestamp"/> from the <see cref="TimeProvider"/>).</summary>
    void CountLookup(ListGateSlots slots, int slot, LookupColumn column, long timestamp);

    /// <summary>The list's circuit breaker opened (lookups skip it until <paramref name="retryAfter"/> has passed) or closed again.</summary>
    void ReportCircuit(DnsList list, bool open, TimeSpan retryAfter);

    /// <summary>The list's query budget as lookups count it now (state and used figures); logged when the state changes.</summary>
    void ReportBudget(DnsList list, ListBudgetStatus status);
}

using System.Diagnostics.CodeAnalysis;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Health;

// The gate lookups ask before each list (IListHealthGate): by name, or by slots resolved once per list set.
public sealed partial class DnsblHealthMonitor
{
    /// <inheritdoc />
    bool IListHealthGate.IsEnabled(DnsList list, [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(list);
        reason = _roster.ByName.TryGetValue(list.Name, out var entry) ? entry.Status.GateReason : null;
        return reason is null;
    }

    /// <inheritdoc />
    ListGateSlots IListHealthGate.ResolveSlots(DnsList[] lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var roster = _roster;
        var entries = new MonitoredList?[lists.Length];
        for (var slot = 0; slot < lists.Length; slot++)
        {
            entries[slot] = roster.ByName.GetValueOrDefault(lists[slot].Name);
        }

        return new ListGateSlots(roster, lists, entries);
    }

    /// <inheritdoc />
    bool IListHealthGate.IsEnabled(ListGateSlots slots, int slot, [NotNullWhen(false)] out string? reason)
    {
        // The check hot path: one reference comparison and a volatile read; by name only when the lists were swapped since.
        var roster = _roster;
        var entry = ReferenceEquals(slots.Roster, roster)
            ? slots.Entries[slot]
            : roster.ByName.GetValueOrDefault(slots.Lists[slot].Name);
        reason = entry?.Status.GateReason;
        return reason is null;
    }

    /// <inheritdoc />
    void IListHealthGate.ReportRefusal(DnsList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (!_roster.ByName.TryGetValue(list.Name, out var entry) || _disposed.IsCancellationRequested)
        {
            return;
        }

        lock (_gate)
        {
            var spacedEnough = entry.Status.LastProbe is not { } last || _time.GetUtcNow() - last >= _options.RefusalProbeSpacing;
            if (entry.Running is null && spacedEnough)
            {
                entry.Running = StartProbe(entry);
            }
        }
    }
}

namespace Dnsbl.Client.Health;

public sealed partial class DnsblHealthMonitor
{
    /// <summary>A snapshot of every list's health, with each list's bounded history when <paramref name="includeHistory"/> is true.</summary>
    /// <param name="includeHistory">Whether to fill <see cref="ListHealth.History"/> (recent rounds, changes and per-minute lookups).</param>
    /// <returns>The report, lists in configuration order.</returns>
    public DnsblHealthReport GetReport(bool includeHistory)
    {
        var roster = _roster;
        lock (_gate)
        {
            return new DnsblHealthReport { GeneratedAt = _time.GetUtcNow(), Lists = [.. roster.Ordered.Select(e => e.Snapshot(includeHistory))], Fleet = FleetStatus() };
        }
    }

    /// <inheritdoc />
    void IListHealthGate.CountLookup(ListGateSlots slots, int slot, LookupColumn column, long timestamp)
    {
        var roster = _roster;
        var entry = ReferenceEquals(slots.Roster, roster)
            ? slots.Entries[slot]
            : roster.ByName.GetValueOrDefault(slots.Lists[slot].Name);
        entry?.History.Lookups.Count(column, timestamp);
    }

    /// <inheritdoc />
    void IListHealthGate.ReportCircuit(Lists.DnsList list, bool open, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (!_roster.ByName.TryGetValue(list.Name, out var entry))
        {
            return;
        }

        ListHealth before, after;
        lock (_gate)
        {
            before = entry.Snapshot();
            var now = _time.GetUtcNow();
            entry.CircuitOpenedAt = open ? entry.CircuitOpenedAt ?? now : null;
            entry.CircuitRetryAt = open ? now + retryAfter : null;
            after = entry.Snapshot();
            RecordChangeLocked(entry, before, after, "circuit", open
                ? $"circuit open: the list's recent queries kept failing; next trial at {after.CircuitRetryAt:HH:mm:ss}"
                : "circuit closed: a trial lookup was answered");
        }

        if (before.Circuit == after.Circuit)
        {
            return; // a failed trial re-opened it: the retry time moved, nothing else
        }

        if (open)
        {
            Log.ListCircuitOpened(_logger, list.Name, retryAfter.TotalSeconds);
        }
        else
        {
            Log.ListCircuitClosed(_logger, list.Name);
        }

        Raise(before, after);
    }
}

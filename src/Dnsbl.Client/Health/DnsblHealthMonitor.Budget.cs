namespace Dnsbl.Client.Health;

public sealed partial class DnsblHealthMonitor
{
    /// <inheritdoc />
    void IListHealthGate.ReportBudget(Lists.DnsList list, ListBudgetStatus status)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(status);
        if (!_roster.ByName.TryGetValue(list.Name, out var entry))
        {
            return;
        }

        ListHealth? before = null, after = null;
        lock (_gate)
        {
            // Used figures change every sync; only a change of state is an event (log, StateChanged).
            if (entry.Budget?.State != status.State && (entry.Budget is not null || status.State != ListBudgetState.Within))
            {
                before = entry.Snapshot();
                entry.Budget = status;
                after = entry.Snapshot();
            }
            else
            {
                entry.Budget = status;
            }
        }

        if (before is not null && after is not null)
        {
            Log.ListBudgetChanged(_logger, list.Name, status.State, status.UsedThisMinute, status.PerMinute, status.UsedToday, status.PerDay, status.Skipping);
            Raise(before, after);
        }
    }
}

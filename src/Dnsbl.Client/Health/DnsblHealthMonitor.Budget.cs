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

        ListBudgetState? before;
        lock (_gate)
        {
            before = entry.Budget?.State;
            entry.Budget = status;
        }

        if (before != status.State && (before is not null || status.State != ListBudgetState.Within))
        {
            Log.ListBudgetChanged(_logger, list.Name, status.State, status.UsedThisMinute, status.PerMinute, status.UsedToday, status.PerDay, status.Skipping);
        }
    }
}

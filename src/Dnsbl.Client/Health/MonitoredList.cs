using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Health;

/// <summary>The monitor's record of one list. <see cref="Status"/> is read without a lock (immutable record, volatile field); the rest under the monitor's lock.</summary>
internal sealed class MonitoredList(DnsList list, int statisticsWindow, TimeProvider time)
{
    private volatile ListHealthStatus _status = ListHealthStatus.Initial;

    public DnsList List { get; set; } = list;

    public ListHealthStatus Status
    {
        get => _status;
        set => _status = value;
    }

    public ProbeStatistics Statistics { get; } = new(statisticsWindow);

    /// <summary>Rounds, changes and per-minute lookup counts, bounded; kept across reloads with the entry.</summary>
    public ListHistory History { get; } = new(time);

    /// <summary>When the list's circuit opened, while lookups report it open.</summary>
    public DateTimeOffset? CircuitOpenedAt { get; set; }

    /// <summary>When the open circuit lets its next trial lookup through.</summary>
    public DateTimeOffset? CircuitRetryAt { get; set; }

    /// <summary>The list's query budget as last reported by lookups; null without a budget.</summary>
    public ListBudgetStatus? Budget { get; set; }

    /// <summary>The probe in flight; callers asking meanwhile share it.</summary>
    public Task<ListHealth>? Running { get; set; }

    /// <summary>When the probing loop asks next; null means at once.</summary>
    public DateTimeOffset? NextProbeAt { get; set; }

    public ListHealth Snapshot(bool includeHistory = false) => new()
    {
        Name = List.Name,
        Zone = List.Zone,
        State = Status.State,
        Enabled = Status.IsEnabled,
        Override = Status.Override,
        Reason = Status.Reason,
        DisabledReason = Status.GateReason,
        Evidence = Status.Evidence,
        LastProbe = Status.LastProbe,
        LastChange = Status.LastChange,
        ConsecutiveFailures = Status.ConsecutiveFailures,
        ConsecutiveSuccesses = Status.ConsecutiveSuccesses,
        LastLatencyMilliseconds = Statistics.LastLatency?.TotalMilliseconds,
        MeanLatencyMilliseconds = Statistics.MeanLatency?.TotalMilliseconds,
        ErrorRate = Statistics.ErrorRate,
        Circuit = CircuitOpenedAt is null ? ListCircuitState.Closed : ListCircuitState.Open,
        CircuitOpenedAt = CircuitOpenedAt,
        CircuitRetryAt = CircuitRetryAt,
        Budget = Budget,
        History = includeHistory ? History.Snapshot() : null,
    };
}

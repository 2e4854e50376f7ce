namespace Dnsbl.Client.Health;

/// <summary>
/// One list's bounded history (<see cref="HealthHistoryConstants"/> gives its fixed memory): rings of probe rounds and
/// state changes, written under the monitor's lock, and per-minute lookup counters, written lock-free by lookups.
/// </summary>
internal sealed class ListHistory(TimeProvider time)
{
    private readonly HistoryRing<ProbeRoundRecord> _rounds = new(HealthHistoryConstants.Rounds);
    private readonly HistoryRing<ListStateChange> _changes = new(HealthHistoryConstants.Changes);

    public LookupMinuteCounters Lookups { get; } = new(time);

    /// <summary>Records a finished round (under the monitor's lock).</summary>
    public void AddRound(DateTimeOffset at, ProbeRound round, bool enabled)
    {
        var failed = round.Samples.FirstOrDefault(s => s.Failed);
        _rounds.Add(new ProbeRoundRecord
        {
            At = at,
            State = round.State,
            Enabled = enabled,
            Reason = HealthHistoryConstants.Cut(round.Reason),
            LatencyMilliseconds = round.Samples.Count == 0 ? null : round.Samples.Average(s => s.Latency.TotalMilliseconds),
            Questions = round.Samples.Count,
            Failures = round.Samples.Count(s => s.Failed),
            ErrorKind = failed.Failed ? failed.ErrorKind : null,
        });
    }

    /// <summary>Records a change (under the monitor's lock).</summary>
    public void AddChange(DateTimeOffset at, ListHealth after, string source, string reason) =>
        _changes.Add(new ListStateChange
        {
            At = at,
            State = after.State,
            Enabled = after.Enabled,
            Circuit = after.Circuit,
            Source = source,
            Reason = HealthHistoryConstants.Cut(reason),
        });

    /// <summary>The history as the report shows it (under the monitor's lock).</summary>
    public ListHealthHistory Snapshot() => new()
    {
        Rounds = _rounds.ToArray(),
        Changes = _changes.ToArray(),
        Minutes = Lookups.Snapshot(time.GetTimestamp()),
    };
}

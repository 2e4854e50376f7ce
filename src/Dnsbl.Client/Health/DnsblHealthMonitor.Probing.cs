using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Health;

public sealed partial class DnsblHealthMonitor
{
    /// <summary>Probes every list now (sharing rounds already in flight) and returns the report.</summary>
    /// <param name="cancellationToken">Stops waiting; rounds in flight still finish and are recorded.</param>
    /// <returns>The report after the rounds.</returns>
    public async Task<DnsblHealthReport> ProbeAllAsync(CancellationToken cancellationToken = default)
    {
        var names = _roster.Ordered.Select(e => e.List.Name).ToList();
        await Task.WhenAll(names.Select(name => ProbeAsync(name, cancellationToken))).ConfigureAwait(false);
        return GetReport();
    }

    /// <summary>Probes one list now; a round already in flight for it is shared rather than repeated.</summary>
    /// <param name="listName">The list's <see cref="DnsList.Name"/>.</param>
    /// <param name="cancellationToken">Stops waiting; the round still finishes and is recorded.</param>
    /// <returns>The list's health after the round.</returns>
    /// <exception cref="ArgumentException">No monitored list has that name.</exception>
    /// <exception cref="ObjectDisposedException">The monitor was disposed.</exception>
    public Task<ListHealth> ProbeAsync(string listName, CancellationToken cancellationToken = default)
    {
        var entry = Find(listName);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        Task<ListHealth> running;
        lock (_gate)
        {
            running = entry.Running ??= StartProbe(entry);
        }

        return running.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Replaces the monitored lists (options reload). Lists whose <see cref="DnsList.Name"/> stays keep their health and
    /// overrides unless their zone or kind changed; new lists start unknown (enabled) and are probed at the loop's next turn.
    /// </summary>
    /// <param name="lists">The new lists.</param>
    /// <exception cref="ArgumentException">Two lists share a name, or a list's probe points are invalid.</exception>
    public void UpdateLists(IReadOnlyList<DnsList> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        foreach (var list in lists)
        {
            ArgumentNullException.ThrowIfNull(list, nameof(lists));
            ProbePlan.Validate(list);
        }

        lock (_gate)
        {
            var old = _roster.ByName;
            var byName = new Dictionary<string, MonitoredList>(StringComparer.Ordinal);
            var ordered = new List<MonitoredList>(lists.Count);
            foreach (var list in lists)
            {
                var entry = old.TryGetValue(list.Name, out var kept) && kept.List.Zone == list.Zone && kept.List.Kind == list.Kind
                    ? kept
                    : new MonitoredList(list, _options.StatisticsWindow, _time);
                entry.List = list;
                if (!byName.TryAdd(list.Name, entry))
                {
                    throw new ArgumentException($"Two DNS lists are named '{list.Name}'; names must be unique.", nameof(lists));
                }

                ordered.Add(entry);
            }

            _roster = new Roster([.. ordered], byName);
        }

        Wake();
    }

    /// <summary>Starts a round on the thread pool; called under the lock with no round in flight for the entry.</summary>
    private Task<ListHealth> StartProbe(MonitoredList entry) => Task.Run(() => ProbeCoreAsync(entry, _disposed.Token));

    private async Task<ListHealth> ProbeCoreAsync(MonitoredList entry, CancellationToken cancellationToken)
    {
        ListHealth before, after;
        try
        {
            var round = await _prober.ProbeAsync(entry.List, cancellationToken).ConfigureAwait(false);
            var at = _time.GetUtcNow();
            lock (_gate)
            {
                before = entry.Snapshot();
                entry.Status = ListHealthStateMachine.Apply(entry.Status, round, at, _options);
                entry.Statistics.Add(round.Samples);
                after = entry.Snapshot();
                entry.History.AddRound(at, round, after.Enabled);
                RecordChangeLocked(entry, before, after, "probe", after.DisabledReason ?? after.Reason);
            }

            PublishRoundBehind(entry);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The prober turns DNS outcomes into data; anything else is a bug, logged and retried at the next interval.
            Log.ProbeFailed(_logger, entry.List.Name, exception);
            lock (_gate)
            {
                before = after = entry.Snapshot();
            }
        }
        finally
        {
            lock (_gate)
            {
                entry.Running = null;
                entry.NextProbeAt = _time.GetUtcNow() + NextInterval(entry.Status.IsEnabled);
            }

            Wake();
        }

        if (before.State != after.State || before.Enabled != after.Enabled)
        {
            Log.ListHealthChanged(_logger, after.Name, before.State, after.State, after.Enabled, after.DisabledReason ?? after.Reason);
            Raise(before, after);
        }

        RoundCompleted?.Invoke(after);
        return after;
    }

    /// <summary>Adds a visible change (verdict, enabled flag or circuit) to the entry's history; call under the lock.</summary>
    private void RecordChangeLocked(MonitoredList entry, ListHealth before, ListHealth after, string source, string reason)
    {
        if (before.State != after.State || before.Enabled != after.Enabled || before.Circuit != after.Circuit)
        {
            entry.History.AddChange(_time.GetUtcNow(), after, source, reason);
        }
    }

    private void Raise(ListHealth before, ListHealth after)
    {
        try
        {
            StateChanged?.Invoke(this, new ListStateChangedEventArgs(before, after));
        }
        catch (Exception exception)
        {
            // A subscriber's bug must not stop probing.
            Log.StateChangedHandlerFailed(_logger, after.Name, exception);
        }
    }

    /// <summary>The interval for the list's state, moved at random by up to ±<see cref="DnsblHealthOptions.Jitter"/>.</summary>
    private TimeSpan NextInterval(bool enabled)
    {
        var interval = enabled ? _options.HealthyInterval : _options.DisabledInterval;
        double spread;
        lock (_random)
        {
            spread = (_random.NextDouble() * 2) - 1;
        }

        return interval * (1 + (spread * _options.Jitter));
    }
}

namespace Dnsbl.Client.Health;

public sealed partial class DnsblHealthMonitor
{
    private readonly ISharedHealth? _shared;
    private readonly HashSet<MonitoredList> _pendingOverrides = [];
    private volatile SharedHealthRole _role = SharedHealthRole.Alone;
    private string? _leader;
    private DateTimeOffset? _lastSync;
    private int _overrideEpoch;
    private TaskCompletionSource _fleetChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised after every sync with the fleet (tests wait on it instead of sleeping).</summary>
    internal event Action<SharedHealthSync>? Synced;

    /// <summary>This node's role in the fleet (<see cref="SharedHealthRole.Alone"/> without shared health).</summary>
    internal SharedHealthRole Role => _role;

    /// <summary>
    /// Brings every list's health up to date once. With shared health it reads the fleet's published states (without
    /// contending for the lease) and probes only the lists no fresh published state covers; alone it probes every list.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; rounds in flight still finish and are recorded.</param>
    /// <returns>The report afterwards (with <see cref="DnsblHealthReport.Fleet"/> when health is shared).</returns>
    public async Task<DnsblHealthReport> RefreshAsync(CancellationToken cancellationToken = default)
    {
        if (_shared is null)
        {
            return await ProbeAllAsync(cancellationToken).ConfigureAwait(false);
        }

        await SyncWithFleetAsync(participate: false, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var uncovered = _roster.Ordered.Where(e => IsCoveredByFleet(e, now) is null).Select(e => e.List.Name).ToList();
        await Task.WhenAll(uncovered.Select(name => ProbeAsync(name, cancellationToken))).ConfigureAwait(false);
        return GetReport();
    }

    /// <summary>Syncs every <see cref="ISharedHealth.SyncInterval"/>, or at once when another node published.</summary>
    private async Task RunFleetSyncAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            Task changed;
            lock (_gate)
            {
                if (_fleetChanged.Task.IsCompleted)
                {
                    _fleetChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                changed = _fleetChanged.Task;
            }

            using (var turn = CancellationTokenSource.CreateLinkedTokenSource(token))
            {
                var sleep = Task.Delay(_shared!.SyncInterval, _time, turn.Token);
                await Task.WhenAny(sleep, changed).ConfigureAwait(false);
                await turn.CancelAsync().ConfigureAwait(false);
                await sleep.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (!token.IsCancellationRequested)
            {
                await SyncWithFleetAsync(participate: true, token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One sync: pending overrides out, role and the fleet's states and overrides in, the leader's states out.</summary>
    internal async Task SyncWithFleetAsync(bool participate, CancellationToken token)
    {
        var shared = _shared!;
        await PublishPendingOverridesAsync(token).ConfigureAwait(false);
        var entries = _roster.Ordered;
        var epoch = Volatile.Read(ref _overrideEpoch);
        SharedHealthSync sync;
        try
        {
            sync = await shared.SyncAsync([.. entries.Select(e => e.List)], participate, token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!token.IsCancellationRequested)
        {
            // The seam promises not to throw for the store's faults; a bug there must not stop probing.
            Log.FleetSyncFailed(_logger, exception);
            sync = new SharedHealthSync { Role = SharedHealthRole.Alone };
        }

        var previous = _role;
        lock (_gate)
        {
            _role = sync.Role;
            _leader = sync.Leader;
            if (sync.Answered)
            {
                _lastSync = _time.GetUtcNow();
            }
        }

        if (previous != sync.Role)
        {
            Log.FleetRoleChanged(_logger, shared.NodeId, previous, sync.Role, sync.Leader ?? "none");
        }

        if (sync.Answered && sync.States.Count == entries.Length && sync.Overrides.Count == entries.Length)
        {
            for (var i = 0; i < entries.Length; i++)
            {
                AdoptState(entries[i], sync.States[i]);
                AdoptOverride(entries[i], sync.Overrides[i], epoch);
            }
        }

        Wake(); // a new role or new freshness changes which lists are due
        if (sync.Role == SharedHealthRole.Leader && participate)
        {
            // Every sync republishes every state: followers see the leader alive, and a lost write is repaired.
            await PublishStatesAsync(entries, token).ConfigureAwait(false);
        }

        Synced?.Invoke(sync);
    }

    /// <summary>Whether the probing loop leaves the list to the fleet's leader now (for tests).</summary>
    internal bool IsLeftToLeader(string listName) => IsCoveredByFleet(Find(listName), _time.GetUtcNow()) is not null;

    /// <summary>When this node follows and the fleet's published state of the list is fresh: until when; otherwise null.</summary>
    private DateTimeOffset? IsCoveredByFleet(MonitoredList entry, DateTimeOffset now) =>
        _role == SharedHealthRole.Follower && entry.SharedFreshUntil is { } fresh && fresh > now ? fresh : null;

    private DnsblFleetHealth? FleetStatus() => _shared is null ? null : new DnsblFleetHealth
    {
        Node = _shared.NodeId,
        Role = _role,
        Leader = _leader,
        LastSync = _lastSync,
    };

    private void OnFleetChanged(object? sender, EventArgs e)
    {
        lock (_gate)
        {
            _fleetChanged.TrySetResult();
        }
    }
}

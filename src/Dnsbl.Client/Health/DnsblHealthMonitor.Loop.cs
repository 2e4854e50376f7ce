namespace Dnsbl.Client.Health;

public sealed partial class DnsblHealthMonitor
{
    /// <summary>
    /// The probing loop: probes every list at once, then each list again on its own interval
    /// (<see cref="DnsblHealthOptions.HealthyInterval"/> while enabled, <see cref="DnsblHealthOptions.DisabledInterval"/> while
    /// disabled, ± <see cref="DnsblHealthOptions.Jitter"/>), timed by the monitor's <see cref="TimeProvider"/>. Any probe,
    /// including one triggered by a refusal or <see cref="ProbeAsync"/>, restarts that list's interval. Returns at once when
    /// <see cref="DnsblHealthOptions.Enabled"/> is false.
    /// </summary>
    /// <param name="cancellationToken">Stops the loop; rounds in flight still finish.</param>
    /// <returns>A task that ends when the loop stops.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        var token = linked.Token;
        Task fleet = Task.CompletedTask;
        if (_shared is not null)
        {
            // Learn the fleet's states and this node's role before the first probe: a restarted fleet of twenty
            // nodes must not probe every list twenty times.
            await SyncWithFleetAsync(participate: true, token).ConfigureAwait(false);
            fleet = RunFleetSyncAsync(token);
        }

        try
        {
            await ProbeLoopAsync(token).ConfigureAwait(false);
        }
        finally
        {
            await fleet.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task ProbeLoopAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            var (wake, nextDue) = StartDueProbes();
            using var turn = CancellationTokenSource.CreateLinkedTokenSource(token);
            var delay = nextDue is { } due ? TimeSpan.FromTicks(Math.Max(0, (due - _time.GetUtcNow()).Ticks)) : Timeout.InfiniteTimeSpan;
            var sleep = Task.Delay(delay, _time, turn.Token);

            // The clock may have moved between measuring the delay and arming the timer: then the list is already due.
            if (nextDue is null || _time.GetUtcNow() < nextDue)
            {
                await Task.WhenAny(sleep, wake).ConfigureAwait(false);
            }

            // Cancel the sleep we no longer need so its timer does not linger.
            await turn.CancelAsync().ConfigureAwait(false);
            await sleep.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Starts every list that is due and idle; returns the wake-up signal and when the next idle list is due.</summary>
    private (Task Wake, DateTimeOffset? NextDue) StartDueProbes()
    {
        lock (_gate)
        {
            if (_wake.Task.IsCompleted)
            {
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            var now = _time.GetUtcNow();
            DateTimeOffset? nextDue = null;
            foreach (var entry in _roster.Ordered)
            {
                if (entry.Running is not null)
                {
                    continue; // its completion wakes us and sets its next time
                }

                if (IsCoveredByFleet(entry, now) is { } freshUntil)
                {
                    nextDue = nextDue is { } soonest && soonest < freshUntil ? soonest : freshUntil;
                    continue; // a follower reads the leader's state instead of probing
                }

                if (entry.NextProbeAt is not { } due || due <= now)
                {
                    entry.Running = StartProbe(entry);
                    continue;
                }

                nextDue = nextDue is { } earliest && earliest < due ? earliest : due;
            }

            return (_wake.Task, nextDue);
        }
    }
}

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
        while (!token.IsCancellationRequested)
        {
            var (wake, delay) = StartDueProbes();
            using var turn = CancellationTokenSource.CreateLinkedTokenSource(token);
            var sleep = Task.Delay(delay ?? Timeout.InfiniteTimeSpan, _time, turn.Token);
            await Task.WhenAny(sleep, wake).ConfigureAwait(false);

            // Cancel the sleep we no longer need so its timer does not linger.
            await turn.CancelAsync().ConfigureAwait(false);
            await sleep.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Starts every list that is due and idle; returns the wake-up signal and how long until the next list is due.</summary>
    private (Task Wake, TimeSpan? Delay) StartDueProbes()
    {
        lock (_gate)
        {
            if (_wake.Task.IsCompleted)
            {
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            var now = _time.GetUtcNow();
            TimeSpan? delay = null;
            foreach (var entry in _roster.Ordered)
            {
                if (entry.Running is not null)
                {
                    continue; // its completion wakes us and sets its next time
                }

                if (entry.NextProbeAt is not { } due || due <= now)
                {
                    entry.Running = StartProbe(entry);
                    continue;
                }

                var wait = due - now;
                delay = delay is { } shortest && shortest < wait ? shortest : wait;
            }

            return (_wake.Task, delay);
        }
    }
}

namespace Dnsbl.Client.Lookups;

/// <summary>
/// The deadlines of every waiting check of one client (and the own timeouts of lists that have one), served by one <see cref="TimeProvider"/> timer: the timer is
/// armed for the earliest deadline, and when it fires it ends every wait whose deadline has passed.
/// </summary>
/// <remarks>
/// The checks of one client share one deadline duration, so a new deadline is almost always the latest: the queue is a
/// list sorted by due time, inserted from the tail. A check that ends first leaves the list at once but does not
/// disarm the timer; a timer that finds nothing due re-arms for the earliest remaining deadline. Under load the timer
/// fires about once per deadline duration instead of being created and cancelled by every check.
/// </remarks>
internal sealed class DeadlineQueue
{
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private DeadlineEntry? _first;
    private DeadlineEntry? _last;
    private long _armedFor = long.MaxValue;

    public DeadlineQueue(TimeProvider time) => _time = time;

    /// <summary>The timestamp <paramref name="after"/> from <paramref name="start"/>, in the clock's own units.</summary>
    public long DueAfter(long start, TimeSpan after) =>
        start + (long)Math.Ceiling(after.Ticks * ((double)_time.TimestampFrequency / TimeSpan.TicksPerSecond));

    /// <summary>Queues <paramref name="wait"/> until its <see cref="DeadlineEntry.Due"/>; ends it at once when that has passed.</summary>
    public void Add(DeadlineEntry wait)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (wait.Due <= now)
            {
                wait.Expire();
                return;
            }

            var before = _last;
            while (before is not null && before.Due > wait.Due)
            {
                before = before.Previous;
            }

            var after = before is null ? _first : before.Next;
            wait.Previous = before;
            wait.Next = after;
            if (before is null)
            {
                _first = wait;
            }
            else
            {
                before.Next = wait;
            }

            if (after is null)
            {
                _last = wait;
            }
            else
            {
                after.Previous = wait;
            }

            wait.IsQueued = true;
            if (wait.Due < _armedFor)
            {
                Arm(wait.Due, now);
            }
        }
    }

    /// <summary>Takes <paramref name="wait"/> out of the queue, if it is still there.</summary>
    public void Remove(DeadlineEntry wait)
    {
        lock (_lock)
        {
            if (wait.IsQueued)
            {
                Unlink(wait);
            }
        }
    }

    private void OnTimer()
    {
        lock (_lock)
        {
            _armedFor = long.MaxValue;
            var now = _time.GetTimestamp();
            while (_first is { } first && first.Due <= now)
            {
                Unlink(first);

                // Only queues the check's continuation: no caller code runs on the timer's thread, inside the lock.
                first.Expire();
            }

            if (_first is { } next)
            {
                Arm(next.Due, now);
            }
        }
    }

    private void Arm(long due, long now)
    {
        _armedFor = due;
        var delay = TimeSpan.FromTicks((long)Math.Ceiling((due - now) * ((double)TimeSpan.TicksPerSecond / _time.TimestampFrequency)));
        if (_timer is null)
        {
            // The timer lives as long as the client: it must not keep the first caller's execution context (and its
            // AsyncLocals) alive.
            var restoreFlow = !ExecutionContext.IsFlowSuppressed();
            if (restoreFlow)
            {
                ExecutionContext.SuppressFlow();
            }

            try
            {
                _timer = _time.CreateTimer(static state => ((DeadlineQueue)state!).OnTimer(), this, delay, Timeout.InfiniteTimeSpan);
            }
            finally
            {
                if (restoreFlow)
                {
                    ExecutionContext.RestoreFlow();
                }
            }
        }
        else
        {
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void Unlink(DeadlineEntry wait)
    {
        if (wait.Previous is { } previous)
        {
            previous.Next = wait.Next;
        }
        else
        {
            _first = wait.Next;
        }

        if (wait.Next is { } next)
        {
            next.Previous = wait.Previous;
        }
        else
        {
            _last = wait.Previous;
        }

        wait.Previous = null;
        wait.Next = null;
        wait.IsQueued = false;
    }
}

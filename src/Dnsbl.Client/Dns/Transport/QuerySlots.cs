namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// The in-flight bound of one nameserver: a counting semaphore whose take and return are one interlocked operation each
/// while nobody waits. Takers that find no slot queue in order and are handed the next returned slot; when the line
/// already holds <c>maxWaiting</c> takers, a taker is turned away at once (shed) instead of growing it without bound.
/// </summary>
/// <remarks>
/// <see cref="SemaphoreSlim"/> takes a monitor on every wait and release; with the receive thread returning slots while
/// pool threads take them, that monitor was contended on every answer and showed in the transport's profile. Here the
/// free count is only ever changed by interlocked operations and a return looks at the line (under a lock) only when
/// someone is in it. Only live waiters are in the line: a taker that gives up (cancelled, its attempt timed out) leaves
/// it at once and a shed taker never enters it, so neither holds a place that would make the next taker be shed too.
/// </remarks>
internal sealed class QuerySlots
{
    private readonly LinkedList<TaskCompletionSource<bool>> _line = new();
    private readonly Lock _gate = new();
    private readonly int _maxWaiting;
    private int _free;
    private int _waiting;

    /// <summary>Creates <paramref name="count"/> free slots and a line of at most <paramref name="maxWaiting"/> takers.</summary>
    public QuerySlots(int count, int maxWaiting = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWaiting, 0);
        _free = count;
        _maxWaiting = maxWaiting;
    }

    /// <summary>Slots free now.</summary>
    public int Free => Volatile.Read(ref _free);

    /// <summary>Takers waiting in line now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Takes a slot if one is free now; never waits.</summary>
    public bool TryTake()
    {
        var free = Volatile.Read(ref _free);
        while (free > 0)
        {
            var seen = Interlocked.CompareExchange(ref _free, free - 1, free);
            if (seen == free)
            {
                return true;
            }

            free = seen;
        }

        return false;
    }

    /// <summary>Takes a slot, waiting in line for one when none is free.</summary>
    /// <returns>True with a slot taken; false at once when the line is full (shed, no slot taken).</returns>
    /// <exception cref="OperationCanceledException">Cancelled while waiting; no slot was taken.</exception>
    public Task<bool> TakeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (TryTake())
        {
            return Task.FromResult(true);
        }

        // Handed over by Return, on whatever thread returns the slot: the taker's code must not run there.
        var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        LinkedListNode<TaskCompletionSource<bool>> place;
        lock (_gate)
        {
            if (_line.Count >= _maxWaiting)
            {
                return Task.FromResult(false);
            }

            place = _line.AddLast(waiter);
            Interlocked.Increment(ref _waiting); // a full fence: a return after this sees the waiter ...
        }

        // ... and a return before it, which saw nobody waiting and freed its slot, is met here.
        if (TryTake())
        {
            if (Leave(place))
            {
                return Task.FromResult(true);
            }

            Return(); // a return handed us a slot meanwhile too: one of the two goes back
        }

        return cancellationToken.CanBeCanceled ? WaitAsync(waiter, place, cancellationToken) : waiter.Task;
    }

    /// <summary>Gives back <paramref name="count"/> slots, each to the longest-waiting taker if there is one.</summary>
    public void Return(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            Interlocked.Increment(ref _free); // a full fence: see TakeAsync
            if (Volatile.Read(ref _waiting) > 0)
            {
                HandOver();
            }
        }
    }

    // Each hand-over is paid for by a slot taken from the free count, so a slot is never given twice.
    private void HandOver()
    {
        lock (_gate)
        {
            while (_line.First is { } first && TryTake())
            {
                _line.RemoveFirst();
                Interlocked.Decrement(ref _waiting);
                first.Value.SetResult(true); // a waiter leaves the line only under this lock, so it is still waiting
            }
        }
    }

    /// <summary>Takes a waiter out of the line; false when a return already handed it a slot.</summary>
    private bool Leave(LinkedListNode<TaskCompletionSource<bool>> place)
    {
        lock (_gate)
        {
            if (place.List is null)
            {
                return false;
            }

            _line.Remove(place);
            Interlocked.Decrement(ref _waiting);
            return true;
        }
    }

    private async Task<bool> WaitAsync(TaskCompletionSource<bool> waiter, LinkedListNode<TaskCompletionSource<bool>> place, CancellationToken cancellationToken)
    {
        var registration = cancellationToken.UnsafeRegister(
            static (state, token) =>
            {
                var (slots, place) = ((QuerySlots, LinkedListNode<TaskCompletionSource<bool>>))state!;
                if (slots.Leave(place))
                {
                    place.Value.SetCanceled(token); // out of the line at once: its place counts no more
                }
            },
            (this, place));
        await using (registration.ConfigureAwait(false))
        {
            return await waiter.Task.ConfigureAwait(false);
        }
    }
}

using System.Collections.Concurrent;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// The in-flight bound of one transport: a counting semaphore whose take and return are one interlocked operation each
/// while slots are free. Takers that find none queue in order and are handed the next returned slot; when the line is
/// already <c>maxWaiting</c> long, a taker is turned away at once (shed) instead of growing it without bound.
/// </summary>
/// <remarks>
/// <see cref="SemaphoreSlim"/> takes a monitor on every wait and release; with the receive thread returning slots while
/// pool threads take them, that monitor was contended on every answer and showed in the transport's profile. Here the
/// count goes below zero by the number of queued takers, so a return knows without a lock whether it must hand its slot on.
/// </remarks>
internal sealed class QuerySlots
{
    // A shed taker's place in line: already settled, so the return that reaches it moves on to the next (as for a
    // taker that gave up), which balances the count the shed taker took.
    private static readonly TaskCompletionSource<bool> ShedPlace = CreateShedPlace();

    private readonly ConcurrentQueue<TaskCompletionSource<bool>> _waiting = new();
    private readonly int _maxWaiting;
    private int _free;

    /// <summary>Creates <paramref name="count"/> free slots and a line of at most <paramref name="maxWaiting"/> takers.</summary>
    public QuerySlots(int count, int maxWaiting = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWaiting, 0);
        _free = count;
        _maxWaiting = maxWaiting;
    }

    /// <summary>Slots free now.</summary>
    public int Free => Math.Max(0, Volatile.Read(ref _free));

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
        var free = Interlocked.Decrement(ref _free);
        if (free >= 0)
        {
            return Task.FromResult(true);
        }

        if (-(long)free > _maxWaiting)
        {
            _waiting.Enqueue(ShedPlace);
            return Task.FromResult(false);
        }

        // Handed over by Return, on whatever thread returns the slot: the taker's code must not run there.
        var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Enqueue(waiter);
        return cancellationToken.CanBeCanceled ? WaitAsync(waiter, cancellationToken) : waiter.Task;
    }

    /// <summary>Gives back <paramref name="count"/> slots, each to the longest-waiting taker if there is one.</summary>
    public void Return(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            ReturnOne();
        }
    }

    private void ReturnOne()
    {
        while (Interlocked.Increment(ref _free) <= 0)
        {
            // A taker counted itself in line; it may not have enqueued yet, which takes it a few instructions.
            TaskCompletionSource<bool>? waiter;
            var spin = new SpinWait();
            while (!_waiting.TryDequeue(out waiter))
            {
                spin.SpinOnce();
            }

            if (waiter.TrySetResult(true))
            {
                return;
            }

            // That taker gave up (cancelled): our increment balanced its place in line, and the slot is still ours to give.
        }
    }

    private static async Task<bool> WaitAsync(TaskCompletionSource<bool> waiter, CancellationToken cancellationToken)
    {
        await using (cancellationToken.UnsafeRegister(static (state, token) => ((TaskCompletionSource<bool>)state!).TrySetCanceled(token), waiter).ConfigureAwait(false))
        {
            return await waiter.Task.ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource<bool> CreateShedPlace()
    {
        var place = new TaskCompletionSource<bool>();
        place.SetResult(false);
        return place;
    }
}

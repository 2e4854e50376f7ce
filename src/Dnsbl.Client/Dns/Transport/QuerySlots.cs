using System.Collections.Concurrent;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// The in-flight bound of one transport: a counting semaphore whose take and return are one interlocked operation each
/// while slots are free. Takers that find none queue in order and are handed the next returned slot.
/// </summary>
/// <remarks>
/// <see cref="SemaphoreSlim"/> takes a monitor on every wait and release; with the receive thread returning slots while
/// pool threads take them, that monitor was contended on every answer and showed in the transport's profile. Here the
/// count goes below zero by the number of queued takers, so a return knows without a lock whether it must hand its slot on.
/// </remarks>
internal sealed class QuerySlots
{
    private readonly ConcurrentQueue<TaskCompletionSource> _waiting = new();
    private int _free;

    /// <summary>Creates <paramref name="count"/> free slots.</summary>
    public QuerySlots(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _free = count;
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
    /// <exception cref="OperationCanceledException">Cancelled while waiting; no slot was taken.</exception>
    public Task TakeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.Decrement(ref _free) >= 0)
        {
            return Task.CompletedTask;
        }

        // Handed over by Return, on whatever thread returns the slot: the taker's code must not run there.
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
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
            TaskCompletionSource? waiter;
            var spin = new SpinWait();
            while (!_waiting.TryDequeue(out waiter))
            {
                spin.SpinOnce();
            }

            if (waiter.TrySetResult())
            {
                return;
            }

            // That taker gave up (cancelled): our increment balanced its place in line, and the slot is still ours to give.
        }
    }

    private static async Task WaitAsync(TaskCompletionSource waiter, CancellationToken cancellationToken)
    {
        await using (cancellationToken.UnsafeRegister(static (state, token) => ((TaskCompletionSource)state!).TrySetCanceled(token), waiter).ConfigureAwait(false))
        {
            await waiter.Task.ConfigureAwait(false);
        }
    }
}

using System.Threading.Tasks.Sources;

namespace Dnsbl.Client.Lookups;

/// <summary>
/// One check's wait for its pending lookups. It ends at the first of: every lookup finished (whatever its result),
/// the check's deadline passed (<see cref="DeadlineQueue"/>), or the caller's token was cancelled. Ending is quiet:
/// the check then reads which lookups finished. Awaited once, through <see cref="Ended"/>.
/// </summary>
/// <remarks>
/// Replaces a <c>Task.WhenAll</c> plus <c>WaitAsync(timeout, TimeProvider, token)</c> per check: those cost a
/// combined task, a cancellation promise and a timer of its own for every check that misses the cache.
/// </remarks>
internal sealed class CheckWait : IValueTaskSource, IDisposable
{
    // Waits are reused: a check that misses the cache then allocates no wait of its own. A few per core is plenty.
    private static readonly ReusePool<CheckWait> Pool = new();

    private readonly Action _lookupFinished;
    private DeadlineQueue? _deadlines;
    private ManualResetValueTaskSourceCore<bool> _core;
    private CancellationTokenRegistration _cancellation;

    // The lookups still running, plus one while the wait is being set up (so it cannot end half-registered).
    private int _unfinished = 1;
    private int _ended;

    // Who still uses this wait: the check (until Dispose) and its lookups (until the last one finished, which may be
    // long after a deadline). The last to let go returns it to the pool.
    private int _users = 2;

    private CheckWait() => _lookupFinished = OnLookupFinished;

    /// <summary>Completes once the wait has ended; never faults.</summary>
    public ValueTask Ended => new(this, _core.Version);

    /// <summary>Whether the wait has ended (lookups done, deadline passed or cancelled).</summary>
    public bool HasEnded => Volatile.Read(ref _ended) != 0;

    /// <summary>When the deadline passes, as a <see cref="TimeProvider"/> timestamp. Set before the wait is queued.</summary>
    internal long Due { get; private set; }

    // Links in the deadline queue, guarded by its lock.
    internal CheckWait? Previous { get; set; }

    internal CheckWait? Next { get; set; }

    internal bool IsQueued { get; set; }

    /// <summary>Starts waiting for the lookups (null entries are ignored) until <paramref name="due"/> or cancellation.</summary>
    // due: the deadline, as a timestamp of the deadline queue's TimeProvider.
    public static CheckWait Start(ReadOnlySpan<Task<ListOutcome>?> lookups, DeadlineQueue deadlines, long due, CancellationToken cancellationToken)
    {
        var wait = Rent();
        wait._deadlines = deadlines;
        wait.Due = due;
        foreach (var lookup in lookups)
        {
            if (lookup is { IsCompleted: false })
            {
                Interlocked.Increment(ref wait._unfinished);
                lookup.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(wait._lookupFinished);
            }
        }

        wait.OnLookupFinished();
        if (!wait.HasEnded)
        {
            deadlines.Add(wait);
        }

        if (!wait.HasEnded && cancellationToken.CanBeCanceled)
        {
            wait._cancellation = cancellationToken.UnsafeRegister(static state => ((CheckWait)state!).End(asynchronously: false), wait);
        }

        return wait;
    }

    /// <summary>The deadline has passed. The check resumes on the thread pool, never on the deadline timer's thread.</summary>
    internal void Expire() => End(asynchronously: true);

    /// <summary>Leaves the deadline queue and stops observing the caller's token.</summary>
    public void Dispose()
    {
        _cancellation.Dispose();
        _deadlines!.Remove(this);
        Release();
    }

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    // A lookup's continuation runs on the thread that finished it, as the check's continuation did before.
    private void OnLookupFinished()
    {
        if (Interlocked.Decrement(ref _unfinished) == 0)
        {
            End(asynchronously: false);
            Release();
        }
    }

    private void End(bool asynchronously)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        _core.RunContinuationsAsynchronously = asynchronously;
        _core.SetResult(true);
    }

    private static CheckWait Rent() => Pool.TryRent() ?? new CheckWait();

    // Nothing refers to the wait any more: its deadline left the queue, its token registration is gone, the check has
    // read its result and every lookup it watched has finished.
    private void Release()
    {
        if (Interlocked.Decrement(ref _users) != 0)
        {
            return;
        }

        _core.Reset();
        _deadlines = null;
        _cancellation = default;
        _unfinished = 1;
        _ended = 0;
        _users = 2;
        Pool.Return(this);
    }
}

using System.Threading.Tasks.Sources;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Lookups;

/// <summary>
/// One check's wait for its pending lookups. It ends at the first of: every lookup finished (whatever its result) or
/// past its list's own timeout (<see cref="LookupTimeout"/>), the check's deadline passed (<see cref="DeadlineQueue"/>),
/// or the caller's token was cancelled. Ending is quiet:
/// the check then reads which lookups finished. Awaited once, through <see cref="Ended"/>.
/// </summary>
/// <remarks>
/// Replaces a <c>Task.WhenAll</c> plus <c>WaitAsync(timeout, TimeProvider, token)</c> per check: those cost a
/// combined task, a cancellation promise and a timer of its own for every check that misses the cache.
/// </remarks>
internal sealed class CheckWait : DeadlineEntry, IValueTaskSource, IDisposable
{
    // Waits are reused: a check that misses the cache then allocates no wait of its own. A few per core is plenty.
    private static readonly ReusePool<CheckWait> Pool = new();

    private readonly Action _lookupFinished;
    private DeadlineQueue? _deadlines;
    private ManualResetValueTaskSourceCore<bool> _core;
    private CancellationTokenRegistration _cancellation;
    private LookupTimeout?[]? _timeouts;

    // The check's lookups: each one still running when the wait is disposed loses this check as a waiter.
    private Task<ListOutcome>?[]? _lookups;

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

    /// <summary>
    /// Starts waiting for the lookups (null entries are ignored) until <paramref name="due"/> or cancellation. A lookup
    /// whose entry in <paramref name="lookupDues"/> is set (not 0) and earlier than <paramref name="due"/> counts as done
    /// at that time.
    /// </summary>
    // due, lookupDues: timestamps of the deadline queue's TimeProvider; lookupDues is empty or one entry per lookup.
    public static CheckWait Start(Task<ListOutcome>?[] lookups, ReadOnlySpan<long> lookupDues, DeadlineQueue deadlines, long due, CancellationToken cancellationToken)
    {
        var wait = Rent();
        wait._deadlines = deadlines;
        wait._lookups = lookups;
        wait.Due = due;
        for (var i = 0; i < lookups.Length; i++)
        {
            if (lookups[i] is not { IsCompleted: false } lookup)
            {
                continue;
            }

            Interlocked.Increment(ref wait._unfinished);
            if (!lookupDues.IsEmpty && lookupDues[i] != 0 && lookupDues[i] < due)
            {
                var timeout = new LookupTimeout(wait, deadlines, lookupDues[i]);
                (wait._timeouts ??= new LookupTimeout?[lookups.Length])[i] = timeout;
                lookup.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(timeout.OnLookupFinished);
                deadlines.Add(timeout);
            }
            else
            {
                lookup.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(wait._lookupFinished);
            }
        }

        wait.LookupDone(asynchronously: false);
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
    internal override void Expire() => End(asynchronously: true);

    /// <summary>
    /// Leaves the deadline queue, stops observing the caller's token and lets go of lookups still running: this check
    /// no longer waits for them (<see cref="QueryInterest.Leave"/>), so one nobody else waits for gives up its place in
    /// the line for a query slot.
    /// </summary>
    public void Dispose()
    {
        _cancellation.Dispose();
        _deadlines!.Remove(this);
        if (_timeouts is { } timeouts)
        {
            foreach (var timeout in timeouts)
            {
                timeout?.Detach();
            }
        }

        // Only after a deadline, a list timeout or cancellation is a lookup still running here: the answered path pays a loop.
        foreach (var lookup in _lookups!)
        {
            if (lookup is { IsCompleted: false, AsyncState: QueryInterest interest })
            {
                interest.Leave();
            }
        }

        _lookups = null;

        Release();
    }

    /// <summary>
    /// One lookup finished, or its list's timeout passed. The last one ends the wait; <paramref name="asynchronously"/>
    /// when called from the deadline timer, so the check never resumes on the timer's thread inside the queue's lock.
    /// </summary>
    internal void LookupDone(bool asynchronously)
    {
        if (Interlocked.Decrement(ref _unfinished) == 0)
        {
            End(asynchronously);
            Release();
        }
    }

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    // A lookup's continuation runs on the thread that finished it, as the check's continuation did before.
    private void OnLookupFinished() => LookupDone(asynchronously: false);

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
        _timeouts = null;
        _lookups = null;
        _unfinished = 1;
        _ended = 0;
        _users = 2;
        Pool.Return(this);
    }
}

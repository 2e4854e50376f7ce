namespace Dnsbl.Client.Dns.Protocol;

/// <summary>
/// Who still waits for the answer to a question: a count of waiters (the checks joined to one lookup, or the lookups
/// joined to one shared question). When the last one leaves, the interest is abandoned for good: a query still waiting
/// for a slot leaves the line unsent, and no later check joins it (it starts a fresh lookup instead).
/// </summary>
/// <remarks>
/// Costs a lookup one small object and one interlocked operation per joining check; the transport reads it only when
/// a query must wait for a slot (<see cref="Abandoned"/>, made on first use), so a query sent at once pays nothing more.
/// A query already sent is not recalled: its answer still fills the cache for the next check.
/// </remarks>
internal sealed class QueryInterest
{
    private int _waiters = 1;
    private QueryInterest? _joined;
    private CancellationTokenSource? _abandoned;

    /// <summary>True once every waiter has left; never false again.</summary>
    public bool IsAbandoned => Volatile.Read(ref _waiters) == 0;

    /// <summary>Cancelled when the interest is abandoned; made only when asked for (a query waiting for a slot).</summary>
    public CancellationToken Abandoned
    {
        get
        {
            if (IsAbandoned)
            {
                return new CancellationToken(canceled: true);
            }

            var source = Volatile.Read(ref _abandoned);
            if (source is null)
            {
                var made = new CancellationTokenSource();
                source = Interlocked.CompareExchange(ref _abandoned, made, null) ?? made;
            }

            // A last waiter that left while the source was being made may not have seen it: cancel it here then.
            if (IsAbandoned)
            {
                source.Cancel();
            }

            return source.Token;
        }
    }

    /// <summary>One more waiter; false (nothing counted) when the interest is already abandoned.</summary>
    public bool TryJoin()
    {
        var waiters = Volatile.Read(ref _waiters);
        while (waiters > 0)
        {
            var seen = Interlocked.CompareExchange(ref _waiters, waiters + 1, waiters);
            if (seen == waiters)
            {
                return true;
            }

            waiters = seen;
        }

        return false;
    }

    /// <summary>
    /// Counts this interest as one waiter of <paramref name="shared"/> (already joined by the caller): when this one is
    /// abandoned, it leaves <paramref name="shared"/>. Set while this interest still has a waiter, at most once.
    /// </summary>
    public void LeaveWhenAbandoned(QueryInterest shared) => Volatile.Write(ref _joined, shared);

    /// <summary>One waiter has gone; the last one abandons the interest.</summary>
    public void Leave()
    {
        var left = Interlocked.Decrement(ref _waiters);
        if (left > 0)
        {
            return;
        }

        if (left < 0)
        {
            Interlocked.Increment(ref _waiters); // a caller's bug; stay abandoned rather than count below zero
            return;
        }

        Volatile.Read(ref _abandoned)?.Cancel();
        Volatile.Read(ref _joined)?.Leave();
    }
}

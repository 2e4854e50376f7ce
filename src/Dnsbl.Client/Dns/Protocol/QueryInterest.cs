namespace Dnsbl.Client.Dns.Protocol;

/// <summary>
/// Who still waits for the answer to a question: a count of waiters (the checks joined to one lookup, or the lookups
/// joined to one shared question). When the last one leaves, the interest is abandoned: a query still waiting for a
/// slot is given up and leaves the line unsent, and no later check joins it (it starts a fresh lookup instead). A
/// check that joins before that (the query already sent, or not yet given up) revives it.
/// </summary>
/// <remarks>
/// Costs a lookup one small object and one interlocked operation per joining check; the transport reads it only when
/// a query must wait for a slot (<see cref="Abandoned"/>, made on first use), so a query sent at once pays nothing more.
/// A query already sent is not recalled: its answer still fills the cache for the next check.
/// </remarks>
internal sealed class QueryInterest
{
    // Waiters now; 0 when every one has left (a new one may still join: the answer of a query already sent is worth
    // waiting for), -1 once the query was given up unsent (for good).
    private int _waiters = 1;
    private QueryInterest? _joined;
    private CancellationTokenSource? _abandoned;

    /// <summary>True while nobody waits: every waiter has left, or the query was given up.</summary>
    public bool IsAbandoned => Volatile.Read(ref _waiters) <= 0;

    /// <summary>True once the query was given up unsent (<see cref="TryGiveUp"/>); never false again.</summary>
    public bool IsGivenUp => Volatile.Read(ref _waiters) < 0;

    /// <summary>Cancelled when the last waiter leaves; made only when asked for (a query waiting for a slot).</summary>
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

    /// <summary>
    /// One more waiter; false (nothing counted) once the query was given up. A waiter joining after every other left
    /// revives the interest (and its shared question's), so a lookup already sent is joined rather than asked again.
    /// </summary>
    public bool TryJoin()
    {
        var waiters = Volatile.Read(ref _waiters);
        while (waiters >= 0)
        {
            var shared = waiters == 0 ? Volatile.Read(ref _joined) : null;
            if (shared is not null && !shared.TryJoin())
            {
                return false; // the shared question was given up: this lookup ends unanswered
            }

            var seen = Interlocked.CompareExchange(ref _waiters, waiters + 1, waiters);
            if (seen == waiters)
            {
                if (waiters == 0)
                {
                    Interlocked.Exchange(ref _abandoned, null); // the old source is cancelled; the next wait needs a fresh one
                }

                return true;
            }

            shared?.Leave();
            waiters = seen;
        }

        return false;
    }

    /// <summary>Gives the query up when nobody waits; true when it is (or already was) given up.</summary>
    public bool TryGiveUp() => Interlocked.CompareExchange(ref _waiters, -1, 0) <= 0;

    /// <summary>
    /// Counts this interest as one waiter of <paramref name="shared"/> (already joined by the caller): when this one is
    /// abandoned, it leaves <paramref name="shared"/>. Set while this interest still has a waiter, at most once.
    /// </summary>
    public void LeaveWhenAbandoned(QueryInterest shared) => Volatile.Write(ref _joined, shared);

    /// <summary>One waiter has gone; the last one abandons the interest.</summary>
    public void Leave()
    {
        var waiters = Volatile.Read(ref _waiters);
        while (waiters > 0)
        {
            var seen = Interlocked.CompareExchange(ref _waiters, waiters - 1, waiters);
            if (seen == waiters)
            {
                if (waiters == 1)
                {
                    Volatile.Read(ref _abandoned)?.Cancel();
                    Volatile.Read(ref _joined)?.Leave();
                }

                return;
            }

            waiters = seen;
        }

        // Nobody waits already (a caller's bug): stay at zero or given up rather than count below.
    }
}

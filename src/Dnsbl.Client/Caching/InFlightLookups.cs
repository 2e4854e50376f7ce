using System.Collections.Concurrent;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Caching;

/// <summary>Identical queries asked at the same time share one DNS exchange: the first starts it, the rest await its task.</summary>
/// <remarks>
/// The caller that begins a lookup runs it and ends it with <see cref="Finish"/> or <see cref="Fail"/>; no task of the
/// table's own watches the lookup, so a cold lookup costs one completion, its interest and one table entry. A lookup whose
/// every waiter has left and that was given up unsent (<see cref="QueryInterest"/>) is not joined again: the next caller
/// begins a fresh one.
/// </remarks>
internal sealed class InFlightLookups
{
    // One table per list slot, keyed by the query name alone: a string key with the default comparer gets the
    // runtime's fast non-randomized hashing, which a (slot, name) tuple key does not (Marvin on every cold lookup).
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ListOutcome>>[] _pending;

    /// <summary>Creates the tables for <paramref name="slots"/> lists.</summary>
    public InFlightLookups(int slots)
    {
        _pending = new ConcurrentDictionary<string, TaskCompletionSource<ListOutcome>>[slots];
        for (var i = 0; i < slots; i++)
        {
            _pending[i] = new ConcurrentDictionary<string, TaskCompletionSource<ListOutcome>>();
        }
    }

    public int Count => _pending.Sum(table => table.Count);

    /// <summary>The running lookup's task for the key, or a new entry's task when none runs.</summary>
    // begun: the new entry's completion when this caller must run the lookup; null when it joined a running one.
    public Task<ListOutcome> Join(int slot, string queryName, out TaskCompletionSource<ListOutcome>? begun)
    {
        var table = _pending[slot];
        while (true)
        {
            if (table.TryGetValue(queryName, out var running))
            {
                if (InterestOf(running.Task).TryJoin())
                {
                    begun = null;
                    return running.Task;
                }

                // Every check waiting for it had ended and it was given up unsent: a fresh lookup takes its place.
                var fresh = NewLookup();
                if (table.TryUpdate(queryName, fresh, running))
                {
                    begun = fresh;
                    return fresh.Task;
                }

                continue;
            }

            var completion = NewLookup();
            if (table.TryAdd(queryName, completion))
            {
                begun = completion;
                return completion.Task;
            }
        }
    }

    /// <summary>
    /// Who waits for the lookup behind <paramref name="lookup"/>, a task <see cref="Join"/> returned: each caller of
    /// Join is one waiter until it calls <see cref="QueryInterest.Leave"/> (the check's wait ended with the lookup unfinished).
    /// </summary>
    public static QueryInterest InterestOf(Task<ListOutcome> lookup) => (QueryInterest)lookup.AsyncState!;

    // Continuations run on the thread that finished the lookup (already a pool thread, never the transport's receive
    // loop): asynchronous continuations cost every cold lookup a thread-pool hop. The task's state is its interest.
    private static TaskCompletionSource<ListOutcome> NewLookup() => new(new QueryInterest());

    /// <summary>Ends a lookup begun by <see cref="Join"/> with its outcome.</summary>
    public void Finish(int slot, string queryName, TaskCompletionSource<ListOutcome> begun, ListOutcome outcome)
    {
        // The key leaves the table before the waiters resume: one that asks again at once starts a fresh lookup
        // instead of joining the finished one.
        _pending[slot].TryRemove(new KeyValuePair<string, TaskCompletionSource<ListOutcome>>(queryName, begun));
        begun.TrySetResult(outcome);
    }

    /// <summary>Ends a lookup begun by <see cref="Join"/> with the exception it threw.</summary>
    public void Fail(int slot, string queryName, TaskCompletionSource<ListOutcome> begun, Exception exception)
    {
        _pending[slot].TryRemove(new KeyValuePair<string, TaskCompletionSource<ListOutcome>>(queryName, begun));
        begun.TrySetException(exception);
    }
}

using System.Collections.Concurrent;

namespace Dnsbl.Client.Caching;

/// <summary>Identical queries asked at the same time share one DNS exchange: the first starts it, the rest await its task.</summary>
/// <remarks>
/// The caller that begins a lookup runs it and ends it with <see cref="Finish"/> or <see cref="Fail"/>; no task of the
/// table's own watches the lookup, so a cold lookup costs one completion and one table entry.
/// </remarks>
internal sealed class InFlightLookups
{
    private readonly ConcurrentDictionary<(int Slot, string QueryName), TaskCompletionSource<ListOutcome>> _pending = new();

    public int Count => _pending.Count;

    /// <summary>The running lookup's task for the key, or a new entry's task when none runs.</summary>
    // begun: the new entry's completion when this caller must run the lookup; null when it joined a running one.
    public Task<ListOutcome> Join(int slot, string queryName, out TaskCompletionSource<ListOutcome>? begun)
    {
        var key = (slot, queryName);
        while (true)
        {
            if (_pending.TryGetValue(key, out var running))
            {
                begun = null;
                return running.Task;
            }

            // Continuations run on the thread that finished the lookup (already a pool thread, never the transport's
            // receive loop): asynchronous continuations cost every cold lookup a thread-pool hop.
            var completion = new TaskCompletionSource<ListOutcome>();
            if (_pending.TryAdd(key, completion))
            {
                begun = completion;
                return completion.Task;
            }
        }
    }

    /// <summary>Ends a lookup begun by <see cref="Join"/> with its outcome.</summary>
    public void Finish(int slot, string queryName, TaskCompletionSource<ListOutcome> begun, ListOutcome outcome)
    {
        // The key leaves the table before the waiters resume: one that asks again at once starts a fresh lookup
        // instead of joining the finished one.
        _pending.TryRemove((slot, queryName), out _);
        begun.TrySetResult(outcome);
    }

    /// <summary>Ends a lookup begun by <see cref="Join"/> with the exception it threw.</summary>
    public void Fail(int slot, string queryName, TaskCompletionSource<ListOutcome> begun, Exception exception)
    {
        _pending.TryRemove((slot, queryName), out _);
        begun.TrySetException(exception);
    }
}

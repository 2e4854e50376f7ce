using System.Collections.Concurrent;

namespace Dnsbl.Client.Caching;

/// <summary>Identical queries asked at the same time share one DNS exchange: the first starts it, the rest await its task.</summary>
internal sealed class InFlightLookups
{
    private readonly ConcurrentDictionary<(int Slot, string QueryName), Task<ListOutcome>> _pending = new();

    public int Count => _pending.Count;

    // Returns the running lookup for the key, or starts one; coalesced says whether an existing lookup was joined.
    public Task<ListOutcome> GetOrStart<TState>(int slot, string queryName, TState state, Func<TState, Task<ListOutcome>> start, out bool coalesced)
    {
        var key = (slot, queryName);
        if (_pending.TryGetValue(key, out var running))
        {
            coalesced = true;
            return running;
        }

        // Continuations run on the thread that finished the lookup (already a pool thread, never the transport's
        // receive loop): asynchronous continuations cost every cold lookup a thread-pool hop.
        var completion = new TaskCompletionSource<ListOutcome>();
        if (!_pending.TryAdd(key, completion.Task))
        {
            coalesced = true;
            return _pending.TryGetValue(key, out running) ? running : GetOrStart(slot, queryName, state, start, out coalesced);
        }

        coalesced = false;
        _ = CompleteAsync(key, completion, start(state));
        return completion.Task;
    }

    private async Task CompleteAsync((int, string) key, TaskCompletionSource<ListOutcome> completion, Task<ListOutcome> lookup)
    {
        // The key leaves the table before the waiters resume: one that asks again at once starts a fresh lookup
        // instead of joining the finished one.
        ListOutcome outcome;
        try
        {
            outcome = await lookup.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _pending.TryRemove(key, out _);
            completion.TrySetException(exception);
            return;
        }

        _pending.TryRemove(key, out _);
        completion.TrySetResult(outcome);
    }
}

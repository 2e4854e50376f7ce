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

        var completion = new TaskCompletionSource<ListOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
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
        try
        {
            completion.TrySetResult(await lookup.ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            completion.TrySetException(exception);
        }
        finally
        {
            _pending.TryRemove(key, out _);
        }
    }
}

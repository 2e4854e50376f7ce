using Dnsbl.Client.Testing.Zones;
using System.Collections.Concurrent;

namespace Dnsbl.Client.Testing.Server;

/// <summary>Counts received queries in total and per name, and wakes tests waiting for a count.</summary>
internal sealed class QueryLog
{
    private readonly ConcurrentDictionary<string, int> _perName = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Waiter)> _waiters = [];
    private int _total;

    public int Total => Volatile.Read(ref _total);

    public int For(string name) => _perName.GetValueOrDefault(ZoneNameRules.Normalise(name));

    /// <summary>Records one query; returns how many queries for this name have come, this one included.</summary>
    public int Record(string name)
    {
        var forName = _perName.AddOrUpdate(name, 1, static (_, count) => count + 1);
        lock (_lock)
        {
            _total++;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_total >= _waiters[i].Count)
                {
                    _waiters[i].Waiter.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }

        return forName;
    }

    public void Reset()
    {
        lock (_lock)
        {
            _perName.Clear();
            _total = 0;
        }
    }

    public Task WaitForAsync(int count, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_total >= count)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, waiter));
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }
}

using System.Buffers;
using System.Collections.Concurrent;

namespace Dnsbl.Client.Caching;

/// <summary>Eviction past the size bound: expired entries first, then those that expire soonest; one evicting thread at a time.</summary>
internal sealed partial class OutcomeCache
{
    private void Evict()
    {
        if (!_evictionGate.TryEnter())
        {
            return;
        }

        try
        {
            RemoveExpiringBy(_time.GetTimestamp());
            var excess = Count - (_sizeLimit - (_sizeLimit / 10));
            if (excess > 0)
            {
                // Drop the ~10 % that expire soonest, so a burst does not trigger a sweep per insertion.
                RemoveExpiringBy(ExpiryOfSoonest(excess));
            }
        }
        finally
        {
            _evictionGate.Exit();
        }
    }

    /// <summary>
    /// The expiry time by which <paramref name="count"/> entries expire. The times are gathered into a pooled array:
    /// a snapshot of the dictionaries' values would take every lock of every dictionary, stalling stores, and copy
    /// every entry at each sweep, onto the large object heap once the cache holds more than about five thousand.
    /// </summary>
    private long ExpiryOfSoonest(int count)
    {
        var expiries = ArrayPool<long>.Shared.Rent(Count + 64);
        try
        {
            var gathered = 0;
            foreach (var slot in _slots)
            {
                foreach (var pair in slot)
                {
                    if (gathered == expiries.Length)
                    {
                        break;
                    }

                    expiries[gathered++] = pair.Value.ExpiresAt;
                }
            }

            if (gathered == 0)
            {
                return long.MinValue;
            }

            var times = expiries.AsSpan(0, gathered);
            times.Sort();
            return times[Math.Min(count, gathered - 1)];
        }
        finally
        {
            ArrayPool<long>.Shared.Return(expiries);
        }
    }

    private void RemoveExpiringBy(long cutoff)
    {
        foreach (var slot in _slots)
        {
            foreach (var pair in slot)
            {
                if (pair.Value.ExpiresAt <= cutoff && slot.TryRemove(pair))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
    }
}

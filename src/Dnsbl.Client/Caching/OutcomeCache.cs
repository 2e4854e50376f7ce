using System.Buffers;
using System.Collections.Concurrent;

namespace Dnsbl.Client.Caching;

/// <summary>
/// The answer cache: list outcomes keyed by (list slot, query name without the zone), kept for their clamped TTL,
/// bounded in size.
/// </summary>
/// <remarks>
/// Microsoft.Extensions.Caching.Memory (not a dependency) keys are objects, so every probe of it would box or build a key; the hot path
/// (a check answered wholly from the cache) must allocate nothing. One dictionary per list slot, looked up by the
/// query name as a span through <see cref="ConcurrentDictionary{TKey,TValue}.GetAlternateLookup{TAlternateKey}"/>,
/// allows exactly that. Eviction is amortised: when the bound is passed, expired entries go first, then those that
/// expire soonest.
/// The slot fixes the zone, so the key is the part of the query name before it (the reversed address or the domain,
/// <c>Lookups.QueryKey.WriteCacheKey</c>): written once per check for all its lists, short to hash, and one string shared
/// by the entries of all lists that answered the same check.
/// Most answers are "not listed": those share one outcome per list (no input, no query name of their own; the
/// check result carries the input), so a million cached answers fit in well under 200 MB.
/// </remarks>
internal sealed partial class OutcomeCache
{
    private readonly ConcurrentDictionary<string, CachedOutcome>[] _slots;
    private readonly ConcurrentDictionary<string, CachedOutcome>.AlternateLookup<ReadOnlySpan<char>>[] _spanLookups;
    private readonly TimeProvider _time;
    private readonly TtlPolicy _ttl;
    private readonly int _sizeLimit;
    private readonly Lock _evictionGate = new();
    private readonly ListOutcome?[] _sharedNotListed;
    private int _count;

    public OutcomeCache(int slotCount, TtlPolicy ttl, int sizeLimit, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slotCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(sizeLimit, 1);
        _slots = new ConcurrentDictionary<string, CachedOutcome>[slotCount];
        _spanLookups = new ConcurrentDictionary<string, CachedOutcome>.AlternateLookup<ReadOnlySpan<char>>[slotCount];
        for (var i = 0; i < slotCount; i++)
        {
            _slots[i] = new ConcurrentDictionary<string, CachedOutcome>(StringComparer.Ordinal);
            _spanLookups[i] = _slots[i].GetAlternateLookup<ReadOnlySpan<char>>();
        }

        _sharedNotListed = new ListOutcome?[slotCount];
        _ttl = ttl;
        _sizeLimit = sizeLimit;
        _time = time;
    }

    /// <summary>The TTL clamps answers are kept under.</summary>
    public TtlPolicy Ttl => _ttl;

    /// <summary>How many entries are held (expired ones included until evicted).</summary>
    public int Count => Volatile.Read(ref _count);

    public bool TryGet(int slot, ReadOnlySpan<char> key, out ListOutcome outcome) => TryGet(slot, key, _time.GetTimestamp(), out outcome);

    /// <summary>Looks <paramref name="key"/> up as of <paramref name="now"/> (a timestamp of the cache's TimeProvider, read once per check).</summary>
    public bool TryGet(int slot, ReadOnlySpan<char> key, long now, out ListOutcome outcome)
    {
        if (_spanLookups[slot].TryGetValue(key, out var entry))
        {
            if (now < entry.ExpiresAt)
            {
                outcome = entry.Outcome;
                return true;
            }

            if (_spanLookups[slot].TryRemove(key, out _))
            {
                Interlocked.Decrement(ref _count);
            }
        }

        outcome = null!;
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="outcome"/> (or its copy marked as cached) for <paramref name="timeToLive"/> clamped by the
    /// policy; errors are never cached.
    /// </summary>
    public void Set(int slot, string key, ListOutcome outcome, TimeSpan? timeToLive)
    {
        if (outcome.Kind is ListOutcomeKind.Error or ListOutcomeKind.Skipped)
        {
            return;
        }

        var lifetime = _ttl.Clamp(timeToLive);
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        var expiresAt = _time.GetTimestamp() + (long)(lifetime.TotalSeconds * _time.TimestampFrequency);
        var entry = new CachedOutcome(Compact(slot, outcome), expiresAt);

        // TryAdd, then overwrite: AddOrUpdate's factories would capture the entry and cost three objects per store,
        // and a bulk run of distinct inputs stores once per lookup.
        var table = _slots[slot];
        if (!table.TryAdd(key, entry))
        {
            table[key] = entry;
        }
        else if (Interlocked.Increment(ref _count) > _sizeLimit)
        {
            Evict();
        }
    }

    /// <summary>
    /// The copy the cache keeps, marked as cached: a plain "not listed" (no codes, no text, no detail) becomes the
    /// list's one shared outcome, so most stores copy nothing.
    /// </summary>
    private ListOutcome Compact(int slot, ListOutcome outcome)
    {
        if (outcome.Kind != ListOutcomeKind.NotListed || outcome.Codes.Count != 0 || outcome.Text.Count != 0 || outcome.ErrorDetail is not null)
        {
            return outcome.FromCache ? outcome : MarkedCached(outcome);
        }

        var shared = Volatile.Read(ref _sharedNotListed[slot]);
        if (shared is null || !ReferenceEquals(shared.List, outcome.List))
        {
            shared = new ListOutcome { List = outcome.List, Input = string.Empty, Kind = ListOutcomeKind.NotListed, FromCache = true };
            Volatile.Write(ref _sharedNotListed[slot], shared);
        }

        return shared;
    }

    /// <summary>The same answer, marked as cached, with no latency of its own.</summary>
    private static ListOutcome MarkedCached(ListOutcome outcome) => new()
    {
        List = outcome.List,
        Input = outcome.Input,
        QueryName = outcome.QueryName,
        Kind = outcome.Kind,
        Codes = outcome.Codes,
        Text = outcome.Text,
        MatchedRules = outcome.MatchedRules,
        Weight = outcome.Weight,
        Error = outcome.Error,
        ErrorDetail = outcome.ErrorDetail,
        FromCache = true,
    };
}

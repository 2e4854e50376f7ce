using System.Net;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Lookups;

internal sealed partial class LookupEngine
{
    // RFC 1035 §2.3.4: 255 octets on the wire, so at most 253 characters in text form; room to spare for building.
    private const int QueryNameBufferLength = 256;

    /// <summary>Checks <paramref name="address"/> against every enabled IP list of the current snapshot.</summary>
    public ValueTask<DnsblCheckResult> CheckAddressAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        return CheckKeyAsync(snapshot, QueryKey.FromAddress(address), snapshot.IpSlots, cancellationToken);
    }

    /// <summary>Checks an already normalised <paramref name="domain"/> against every enabled domain and URI list.</summary>
    public ValueTask<DnsblCheckResult> CheckDomainAsync(string domain, CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        return CheckKeyAsync(snapshot, QueryKey.FromDomain(domain, domain), snapshot.DomainSlots, cancellationToken);
    }

    // One snapshot per check: a reload during the check does not mix two configurations. The cache key (reversed
    // address or domain) and the clock are read once here, not once per list: this loop is the cached hot path.
    private ValueTask<DnsblCheckResult> CheckKeyAsync(ClientSnapshot snapshot, QueryKey key, int[] slots, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var outcomes = new ListOutcome[slots.Length];
        Span<char> scratch = stackalloc char[QueryKey.MaxAddressCacheKeyLength];
        var cacheKey = key.WriteCacheKey(scratch);
        var missing = 0;
        for (var i = 0; i < slots.Length; i++)
        {
            if (TryAnswerAtOnce(snapshot, slots[i], key, cacheKey, started, out var outcome))
            {
                outcomes[i] = outcome;
            }
            else
            {
                missing++;
            }
        }

        if (missing == 0)
        {
            return new ValueTask<DnsblCheckResult>(Conclude(snapshot.Settings, key.Display, outcomes, started, []));
        }

        return CheckSlowAsync(snapshot, key, slots, outcomes, started, cancellationToken);
    }

    /// <summary>Skipped, cached or invalid: an outcome without waiting. False when the list must be asked.</summary>
    // cacheKey: the query name without the zone (QueryKey.WriteCacheKey); now: the check's timestamp, for the cache's expiry.
    private bool TryAnswerAtOnce(ClientSnapshot snapshot, int slot, in QueryKey key, ReadOnlySpan<char> cacheKey, long now, out ListOutcome outcome)
    {
        var list = snapshot.Lists[slot];
        if (!_gate.IsEnabled(snapshot.Gates, slot, out var reason))
        {
            outcome = OutcomeFactory.Skipped(list, key.Display, reason);
            CountSkippedAsDisabled(snapshot, slot, now);
            return true;
        }

        // Only names that could be asked are ever cached, so a hit needs no validity check of its own.
        if (snapshot.Cache is { } cache && cache.TryGet(slot, cacheKey, now, out outcome))
        {
            _metrics.CacheHit(list.Name);
            _gate.CountLookup(snapshot.Gates, slot, LookupColumn.FromCache, now);
            return true;
        }

        if (!FitsQueryName(key, list.Zone))
        {
            outcome = OutcomeFactory.InvalidQuery(list, key.Display);
            _gate.CountLookup(snapshot.Gates, slot, LookupMinuteCounters.ErrorColumn(DnsblErrorKind.InvalidQuery), now);
            return true;
        }

        outcome = null!;
        return false;
    }

    private static bool FitsQueryName(in QueryKey key, string zone)
    {
        Span<char> name = stackalloc char[QueryNameBufferLength];
        return key.TryFormat(zone, name, out _);
    }

    /// <summary>The query name of <paramref name="key"/> under <paramref name="zone"/>; only names that fit reach here (<see cref="TryAnswerAtOnce"/>).</summary>
    // Built from the key rather than from the check's cache-key text, so a check without a cache builds no key string.
    private static string QueryNameOf(in QueryKey key, string zone)
    {
        Span<char> name = stackalloc char[QueryNameBufferLength];
        return key.TryFormat(zone, name, out var written)
            ? new string(name[..written])
            : throw new InvalidOperationException($"'{key.Display}' under '{zone}' does not fit a query name; TryAnswerAtOnce should have said so.");
    }
}

using Dnsbl.Client.Caching;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Resilience;

namespace Dnsbl.Client.Lookups;

/// <summary>
/// Everything a check reads that a reload may change: lists, their slots, settings, and the per-slot cache, in-flight
/// table and circuit breakers. Immutable and swapped whole, so a check that read one reference sees one consistent configuration.
/// </summary>
/// <remarks>
/// Slots index <see cref="Lists"/>, so slot-keyed state (cache, in-flight lookups, circuit breakers) belongs to one
/// snapshot: a reload starts them afresh. Lookups still running against the old snapshot finish into its cache, which
/// is then dropped. Health state lives in the health monitor, keyed by list name, and survives the reload.
/// </remarks>
internal sealed class ClientSnapshot
{
    private ClientSnapshot(DnsList[] lists, CheckSettings settings, OutcomeCache? cache, ListCircuitBreaker[] breakers, TimeProvider time)
    {
        LinkNames = new LinkNameCache(cache?.Ttl, time);
        Lists = lists;
        IpSlots = SlotsWhere(lists, static l => l.IsIpList);
        // A URI list asked only about resolved names (a link's addresses or name servers) has no key for a domain as given.
        DomainSlots = SlotsWhere(lists, static l => l.Kind is DnsListKind.DomainBlockList or DnsListKind.DomainAllowList ||
            (l.Kind == DnsListKind.UriBlockList && l.UriLookup.HasFlag(UriLookupVia.LinkName)));
        Settings = settings;
        Cache = cache;
        Breakers = breakers;
        InFlight = new InFlightLookups(lists.Length);
        SharedQuestions = SharedZoneQuestions.For(lists);
        Gates = ListGateSlots.Unresolved(lists);
    }

    public DnsList[] Lists { get; }

    public int[] IpSlots { get; }

    public int[] DomainSlots { get; }

    public CheckSettings Settings { get; }

    public OutcomeCache? Cache { get; }

    /// <summary>The NS and A answers of link names that URI lists resolve (kept only while the answer cache is on).</summary>
    public LinkNameCache LinkNames { get; }

    public InFlightLookups InFlight { get; }

    /// <summary>One question in flight for lists of the same zone; null when every list has a zone of its own.</summary>
    public SharedZoneQuestions? SharedQuestions { get; }

    /// <summary>Each slot's circuit breaker.</summary>
    public ListCircuitBreaker[] Breakers { get; }

    /// <summary>The health gate of each slot; set by <see cref="ResolveGates"/> before the snapshot is published.</summary>
    public ListGateSlots Gates { get; private set; }

    /// <summary>Finds each list's health entry once (after the monitor knows the lists), so checks read gates by slot.</summary>
    public ClientSnapshot ResolveGates(IListHealthGate gate)
    {
        Gates = gate.ResolveSlots(Lists);
        return this;
    }

    /// <summary>A snapshot of <paramref name="lists"/> with fresh slot-keyed state (cache per <paramref name="cache"/>, breakers).</summary>
    public static ClientSnapshot Create(IEnumerable<DnsList> lists, CheckSettings settings, DnsblCacheOptions cache, TimeProvider time)
    {
        DnsList[] slots = [.. lists];
        var answers = cache.Enabled
            ? new OutcomeCache(slots.Length, new TtlPolicy(cache.MinimumTtl, cache.MaximumTtl), cache.SizeLimit, time)
            : null;
        return new ClientSnapshot(slots, settings, answers, [.. slots.Select(_ => new ListCircuitBreaker(time))], time);
    }

    private static int[] SlotsWhere(DnsList[] lists, Func<DnsList, bool> predicate) =>
        [.. Enumerable.Range(0, lists.Length).Where(i => predicate(lists[i]))];
}

using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Turns a message into the lookups to make: for each configured list, the keys it is asked about and where they came
/// from, and every key found but not asked with the reason. Pure: no DNS, no clock. IP lists get relays per
/// <see cref="DnsList.Relays"/> (SpamAssassin's check_rbl sets over its trust path); domain lists get the domains of
/// <see cref="DnsList.DomainSources"/> in <see cref="DnsList.DomainForm"/>; URI lists get link hosts in SpamAssassin's
/// URIDNSBL order (skip list applied, then capped at <see cref="MessageOptions.MaxUriDomains"/> hosts) and, when
/// <see cref="DnsList.QueriesIpAddresses"/>, IPv4-literal links. Keys are hashed per the list's KeyHash settings.
/// </summary>
internal sealed partial class MessageKeyPlanner
{
    private readonly MessageContext context;
    private readonly MessageOptions options;
    private readonly PublicSuffixList suffixes;
    private readonly List<MessageProblem> problems;
    private readonly RelayChain chain;
    private readonly FrozenSet<string> skipDomains;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> skipDomainSpans;
    private readonly Scratch scratch;
    private readonly List<MessageSkippedKey> skipped;
    private List<ExtractedLink>? links;
    private (string? Text, string? HtmlText)? scannedBodies;
    private bool listFreeLinkSkipsTold;

    private MessageKeyPlanner(MessageContext context, MessageOptions options, PublicSuffixList suffixes, Scratch scratch)
    {
        this.scratch = scratch;
        skipped = scratch.Skipped;
        this.context = context;
        this.options = options;
        this.suffixes = suffixes;
        problems = [.. context.Problems];
        chain = new RelayChain(context, options, problems);
        skipDomains = NormalizedSkipDomains.GetValue(options.SkipDomains, Normalize);
        skipDomainSpans = skipDomains.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The bodies whose text the link and body-word scans read: each part cut at the body scan size, as SpamAssassin's
    /// rendered body text is (<see cref="BodyScanLimit"/>); worked out once, so a cut is reported once.
    /// </summary>
    private (string? Text, string? HtmlText) ScannedBodies => scannedBodies ??= BodyScanLimit.Apply(context, options.BodyPartScanSize, problems);

    // The skip list (288 names by default) normalised once per list instance, not once per message.
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, FrozenSet<string>> NormalizedSkipDomains = [];

    private static FrozenSet<string> Normalize(IReadOnlyList<string> domains)
    {
        var normalized = new HashSet<string>(StringComparer.Ordinal);
        foreach (var skip in domains)
        {
            if (DomainName.TryNormalize(skip.Trim(), out var name, out _))
            {
                normalized.Add(name);
            }
        }

        return normalized.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Plans the lookups of <paramref name="context"/> against <paramref name="lists"/>.</summary>
    /// <param name="context">The message.</param>
    /// <param name="options">Trust, link cap, skip list and what to ask.</param>
    /// <param name="lists">The configured lists, in the order lookups should be listed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MessageOptions.MaxUriDomains"/>, <see cref="MessageOptions.MaxCheckedRelays"/> or <see cref="MessageOptions.BodyPartScanSize"/> is negative.</exception>
    /// <exception cref="ArgumentException">A <see cref="MessageOptions.RedirectorPatterns"/> entry is not a valid pattern with a group 1.</exception>
    public static MessageKeyPlan Plan(MessageContext context, MessageOptions options, IReadOnlyList<DnsList> lists)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxUriDomains, "options.MaxUriDomains");
        ArgumentOutOfRangeException.ThrowIfNegative(options.BodyPartScanSize, "options.BodyPartScanSize");
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxCheckedRelays, "options.MaxCheckedRelays");
        _ = RedirectorPatternSet.For(options.RedirectorPatterns ?? throw new ArgumentNullException(nameof(options), "options.RedirectorPatterns is null")); // a bad pattern fails every message, not only those with links
        var scratch = Scratch.Take();
        var planner = new MessageKeyPlanner(context, options, options.PublicSuffixes ?? PublicSuffixList.Embedded, scratch);
        planner.chain.AddMessageWideSkips(planner.skipped);
        var lookups = scratch.Lookups;
        // Each list's lookups before their repeats are dropped: one list reused for every list.
        var candidates = scratch.Candidates;
        // Keys asked as they are, by key alone (a string set hashes faster than a tuple's Marvin hash); keys to resolve, rare, by way too.
        var keysOfList = scratch.KeysOfList;
        HashSet<(UriLookupVia, string)>? resolvedKeysOfList = null;
        foreach (var list in lists)
        {
            keysOfList.Clear();
            resolvedKeysOfList?.Clear();
            candidates.Clear();
            switch (list.Kind)
            {
                case DnsListKind.IpBlockList or DnsListKind.IpAllowList:
                    planner.RelayLookups(list, candidates);
                    break;
                case DnsListKind.DomainBlockList or DnsListKind.DomainAllowList:
                    planner.DomainLookups(list, candidates);
                    break;
                case DnsListKind.UriBlockList:
                    planner.LinkLookups(list, candidates);
                    break;
            }

            lookups.EnsureCapacity(lookups.Count + candidates.Count);
            keysOfList.EnsureCapacity(candidates.Count);
            foreach (var lookup in candidates)
            {
                if (lookup.Resolve == UriLookupVia.None ? keysOfList.Add(lookup.Key) : (resolvedKeysOfList ??= []).Add((lookup.Resolve, lookup.Key)))
                {
                    lookups.Add(lookup);
                }
            }
        }

        // The plan's own lists, of the sizes they came to: the scratch lists go on to the next message.
        var plan = new MessageKeyPlan(new List<MessageLookup>(lookups), planner.problems, planner.Distinct());
        scratch.Release();
        return plan;
    }

    // Each skip once; a message-wide skip of a key some list did ask (e.g. a private HELO asked nowhere) stays. Found by
    // key in a string dictionary (no tuple hash per skip), then among the few earlier skips of that key.
    private List<MessageSkippedKey> Distinct()
    {
        var latestOfKey = scratch.LatestSkipOfKey;
        var distinct = new List<MessageSkippedKey>(skipped.Count);
        var earlierOfKey = scratch.EarlierSkipOfKey; // per distinct skip: the previous one with its key, or -1
        foreach (var skip in skipped)
        {
            ref var latest = ref CollectionsMarshal.GetValueRefOrAddDefault(latestOfKey, skip.Key, out var keySeen);
            var repeated = false;
            for (var i = keySeen ? latest : -1; i >= 0; i = earlierOfKey[i])
            {
                if (distinct[i].Reason == skip.Reason && string.Equals(distinct[i].ListName, skip.ListName, StringComparison.Ordinal))
                {
                    repeated = true;
                    break;
                }
            }

            if (!repeated)
            {
                earlierOfKey.Add(keySeen ? latest : -1);
                latest = distinct.Count;
                distinct.Add(skip);
            }
        }

        return distinct;
    }

    private void RelayLookups(DnsList list, List<MessageLookup> candidates)
    {
        foreach (var hop in chain.Select(list.Relays, nice: list.Kind == DnsListKind.IpAllowList, list.Name, skipped))
        {
            candidates.Add(new MessageLookup(list, hop.Address.ToString(), hop.Source, hop.Origin, hop.Address));
        }
    }
}

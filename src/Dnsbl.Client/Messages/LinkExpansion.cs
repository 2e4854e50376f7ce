using System.Net;
using System.Net.Sockets;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Turns the planned lookups that need DNS first (<see cref="MessageLookup.Resolve"/>) into the lookups they stand for,
/// once their names are resolved: one per address or name-server name, in plan order, each key once per list. Pure:
/// the answers are given. A name that failed becomes a lookup marked <see cref="MessageLookup.Unresolved"/>; a name with
/// nothing to ask, or an address no public list may be asked, becomes a skipped key with its reason.
/// </summary>
internal static class LinkExpansion
{
    /// <summary>The DNS questions <paramref name="plan"/> needs before expansion (for name-server addresses, the NS answers then decide the A questions).</summary>
    public static IEnumerable<(string Name, bool NameServers)> Questions(MessageKeyPlan plan) =>
        plan.Lookups.Where(l => l.Resolve != UriLookupVia.None)
            .Select(l => (l.Key, l.Resolve != UriLookupVia.HostAddresses))
            .Distinct();

    /// <summary>Whether a name-server lookup of <paramref name="plan"/> needs the addresses of the name servers too.</summary>
    public static bool NeedsNameServerAddresses(MessageKeyPlan plan) => plan.Lookups.Any(l => l.Resolve == UriLookupVia.NameServerAddresses);

    /// <summary>The plan with resolved lookups in place of the ones that needed DNS.</summary>
    /// <param name="plan">The plan from <see cref="MessageKeyPlanner.Plan"/>.</param>
    /// <param name="answerOf">The answer for a name: (name, true) for its NS records, (name, false) for its A records.</param>
    /// <param name="options">The message options (reserved addresses and names, public suffixes).</param>
    public static MessageKeyPlan Expand(MessageKeyPlan plan, Func<string, bool, ResolvedLinkName> answerOf, MessageOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(answerOf);
        ArgumentNullException.ThrowIfNull(options);
        var suffixes = options.PublicSuffixes ?? PublicSuffixList.Embedded;
        var lookups = new List<MessageLookup>(plan.Lookups.Count);
        var skipped = new List<MessageSkippedKey>(plan.Skipped);
        var asked = new HashSet<(DnsList, string)>();
        foreach (var lookup in plan.Lookups)
        {
            if (lookup.Resolve == UriLookupVia.None)
            {
                asked.Add((lookup.List, lookup.Key));
                lookups.Add(lookup);
                continue;
            }

            foreach (var resolved in Resolve(lookup, answerOf, options, suffixes, skipped))
            {
                if (asked.Add((lookup.List, resolved.Unresolved is null ? resolved.Key : "?" + resolved.Key)))
                {
                    lookups.Add(resolved);
                }
            }
        }

        return new MessageKeyPlan(lookups, plan.Problems, skipped);
    }

    private static IEnumerable<MessageLookup> Resolve(MessageLookup lookup, Func<string, bool, ResolvedLinkName> answerOf, MessageOptions options, PublicSuffixList suffixes, List<MessageSkippedKey> skipped)
    {
        if (lookup.Resolve == UriLookupVia.HostAddresses)
        {
            return Addresses(lookup, lookup.Key, $"A of {lookup.Key}", answerOf(lookup.Key, false), options, skipped);
        }

        var nameServers = answerOf(lookup.Key, true);
        if (nameServers.Failure is { } failure)
        {
            return [lookup with { Resolve = UriLookupVia.None, Unresolved = $"the name servers of {lookup.Key} could not be resolved: {failure}" }];
        }

        if (nameServers.Values.Count == 0)
        {
            skipped.Add(new MessageSkippedKey(lookup.Key, lookup.Source, lookup.Origin, MessageSkipReason.NotResolvable, lookup.List.Name));
            return [];
        }

        return lookup.Resolve == UriLookupVia.NameServerNames
            ? NameServerNames(lookup, nameServers.Values, options, suffixes, skipped)
            : nameServers.Values.SelectMany(ns => Addresses(lookup, ns, $"NS {ns} of {lookup.Key}", answerOf(ns, false), options, skipped)).ToList();
    }

    private static List<MessageLookup> Addresses(MessageLookup lookup, string name, string via, ResolvedLinkName answer, MessageOptions options, List<MessageSkippedKey> skipped)
    {
        if (answer.Failure is { } failure)
        {
            return [lookup with { Key = name, Resolve = UriLookupVia.None, Unresolved = $"the address of {name} could not be resolved: {failure}" }];
        }

        var origin = $"{lookup.Origin} ({via})";
        if (answer.Values.Count == 0)
        {
            skipped.Add(new MessageSkippedKey(name, lookup.Source, origin, MessageSkipReason.NotResolvable, lookup.List.Name));
            return [];
        }

        var found = new List<MessageLookup>();
        foreach (var text in answer.Values)
        {
            if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetwork)
            {
                continue; // only A answers reach here; the resolver gave them as addresses
            }

            // As for relays and IP-literal links: a private address is never asked, a reserved one only with AskReserved.
            if (AddressSkipReasons.Of(address) is { } reason && (reason == MessageSkipReason.Private || !options.AskReserved))
            {
                skipped.Add(new MessageSkippedKey(text, lookup.Source, origin, reason, lookup.List.Name));
                continue;
            }

            found.Add(new MessageLookup(lookup.List, text, lookup.Source, origin, address));
        }

        return found;
    }

    private static List<MessageLookup> NameServerNames(MessageLookup lookup, IReadOnlyList<string> names, MessageOptions options, PublicSuffixList suffixes, List<MessageSkippedKey> skipped)
    {
        var found = new List<MessageLookup>();
        foreach (var ns in names)
        {
            var origin = $"{lookup.Origin} (NS {ns} of {lookup.Key})";
            if (!DomainName.TryNormalize(ns, out var normalized, out _) || !normalized.Contains('.', StringComparison.Ordinal))
            {
                skipped.Add(new MessageSkippedKey(ns, lookup.Source, origin, MessageSkipReason.NotResolvable, lookup.List.Name));
                continue;
            }

            if (!options.AskReserved && MessageKeyPlanner.IsSpecialUseName(normalized))
            {
                skipped.Add(new MessageSkippedKey(normalized, lookup.Source, origin, MessageSkipReason.SpecialUseName, lookup.List.Name));
                continue;
            }

            if (ListDomainKey.InForm(normalized, lookup.List.DomainForm, suffixes) is { } key)
            {
                found.Add(new MessageLookup(lookup.List, KeyHasher.Apply(key, lookup.List), lookup.Source, origin));
            }
        }

        return found;
    }
}

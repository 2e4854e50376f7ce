using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

// The relay sets of SpamAssassin's DNSEval check_rbl: which addresses a list with a given selection asks about.
internal sealed partial class RelayChain
{
    private List<RelayHop>? untrustedHops;
    private List<RelayHop>? originatingHops;
    private List<RelayHop>? externalHops;
    private List<RelayHop>? untrustedThenOriginating;

    /// <summary>
    /// The hops <paramref name="selection"/> asks about, newest first (oldest first for AllUntrusted, as SpamAssassin
    /// orders that set), private addresses never, each address once. <paramref name="nice"/> lists (allow lists, as
    /// SpamAssassin's "nice" rules) may ask trusted hops at the head of the set; block lists never do.
    /// </summary>
    public List<RelayHop> Select(RelaySelection selection, bool nice, string listName, List<MessageSkippedKey> skipped)
    {
        // The sets below depend only on the chain, so they are built once and shared by every list's selection (read only).
        var untrusted = untrustedHops ??= UniquePublic(hops.Where(hop => !hop.Trusted).Select(AsRelayHop));
        var originating = originatingHops ??= UniquePublic(Originating.Where(address => !Options.IsTrusted(address)).Select(address => new RelayHop(address, MessageKeySource.OriginatingIp, "originating IP header")));
        if (untrusted.Count + Originating.Count == 0 && selection != RelaySelection.ConnectingClient)
        {
            return [];
        }

        List<RelayHop> chosen;
        switch (selection)
        {
            case RelaySelection.ConnectingClient:
                chosen = Newest is { Trusted: false } newest && AsRelayHop(newest) is { } client && !AddressClassifier.IsPrivate(client.Address) ? [client] : [];
                break;
            case RelaySelection.LastExternal:
            case RelaySelection.NotFirstHop:
                // Trusted-but-not-internal hops count as external: a third-party relay the site trusts still sent it on.
                var external = externalHops ??= UniquePublic(hops.Where(hop => !hop.Trusted || !hop.Internal).Select(AsRelayHop));
                chosen = selection == RelaySelection.LastExternal ? [.. external.Take(1)] : [.. external.Take(external.Count > 1 ? external.Count - 1 : external.Count)];
                break;
            case RelaySelection.FirstTrusted:
                chosen = [.. (untrustedThenOriginating ??= UniquePublic([.. untrusted, .. originating])).Take(1)];
                break;
            default:
                List<RelayHop> all = [.. untrustedThenOriginating ??= UniquePublic([.. untrusted, .. originating])];
                all.Reverse();
                foreach (var over in all.Skip(Options.MaxCheckedRelays))
                {
                    skipped.Add(new MessageSkippedKey(over.Address.ToString(), over.Source, over.Origin, MessageSkipReason.OverCap, listName));
                }

                chosen = [.. all.Take(Options.MaxCheckedRelays)];
                break;
        }

        if (!nice)
        {
            var trustedHead = chosen.TakeWhile(hop => Options.IsTrusted(hop.Address)).Count();
            chosen.RemoveRange(0, trustedHead);
        }

        return WithoutReserved(chosen, listName, skipped);
    }

    /// <summary>The relays not asked by any list for a message-wide reason: trusted hops and private addresses.</summary>
    public IEnumerable<MessageSkippedKey> MessageWideSkips()
    {
        foreach (var hop in hops)
        {
            if (hop.Relay.Address is not { } address)
            {
                continue;
            }

            var origin = hop.Relay.Raw;
            if (AddressClassifier.IsPrivate(address))
            {
                yield return new MessageSkippedKey(address.ToString(), hop.Source, origin, MessageSkipReason.Private);
            }
            else if (hop.Trusted)
            {
                yield return new MessageSkippedKey(address.ToString(), hop.Source, origin, MessageSkipReason.TrustedHop);
            }
        }
    }

    private List<RelayHop> WithoutReserved(List<RelayHop> chosen, string listName, List<MessageSkippedKey> skipped)
    {
        if (Options.AskReserved)
        {
            return chosen;
        }

        var kept = new List<RelayHop>(chosen.Count);
        foreach (var hop in chosen)
        {
            if (AddressSkipReasons.Of(hop.Address) is { } reason)
            {
                skipped.Add(new MessageSkippedKey(hop.Address.ToString(), hop.Source, hop.Origin, reason, listName));
            }
            else
            {
                kept.Add(hop);
            }
        }

        return kept;
    }

    private static RelayHop? AsRelayHop(ChainHop hop) =>
        hop.Relay.Address is { } address ? new RelayHop(address, hop.Source, hop.Relay.Raw) : null;

    // SpamAssassin's ip_list_uniq_and_strip_private: hops without address and private ones dropped, repeats dropped.
    // A chain has a handful of hops (at most MaxReceivedHeaders plus the originating headers), so repeats are found by a
    // scan of what is kept: no set to allocate per call.
    private static List<RelayHop> UniquePublic(IEnumerable<RelayHop?> candidates)
    {
        var result = new List<RelayHop>();
        foreach (var hop in candidates)
        {
            if (hop is not null && !AddressClassifier.IsPrivate(hop.Address) && !result.Exists(kept => kept.Address.Equals(hop.Address)))
            {
                result.Add(hop);
            }
        }

        return result;
    }
}

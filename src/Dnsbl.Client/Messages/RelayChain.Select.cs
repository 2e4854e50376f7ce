using Dnsbl.Client.Lists;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

// The relay sets of SpamAssassin's DNSEval check_rbl: which addresses a list with a given selection asks about.
internal sealed partial class RelayChain
{
    private List<RelayHop>? untrustedHops;
    private List<RelayHop>? externalHops;
    private List<RelayHop>? untrustedThenOriginating;

    /// <summary>
    /// The hops <paramref name="selection"/> asks about, newest first (oldest first for AllUntrusted, as SpamAssassin
    /// orders that set), private addresses never, each address once. <paramref name="nice"/> lists (allow lists, as
    /// SpamAssassin's "nice" rules) may ask trusted hops at the head of the set; block lists never do.
    /// </summary>
    /// <remarks>
    /// Plain loops over the few hops (no iterator, closure or intermediate list per list): every IP list of a message asks
    /// this, and the sets below are built once per chain and shared (read only).
    /// </remarks>
    public List<RelayHop> Select(RelaySelection selection, bool nice, string listName, List<MessageSkippedKey> skipped)
    {
        var untrusted = untrustedHops ??= UniquePublicHops(externalOnly: false);
        if (untrusted.Count + Originating.Count == 0 && selection != RelaySelection.ConnectingClient)
        {
            return [];
        }

        var chosen = new List<RelayHop>();
        switch (selection)
        {
            case RelaySelection.ConnectingClient:
                if (Newest is { Trusted: false, Hop: { } client } && !AddressClassifier.IsPrivate(client.Address))
                {
                    chosen.Add(client);
                }

                break;
            case RelaySelection.LastExternal:
            case RelaySelection.NotFirstHop:
                // Trusted-but-not-internal hops count as external: a third-party relay the site trusts still sent it on.
                var external = externalHops ??= UniquePublicHops(externalOnly: true);
                var take = selection == RelaySelection.LastExternal ? Math.Min(1, external.Count) : external.Count > 1 ? external.Count - 1 : external.Count;
                chosen.AddRange(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(external)[..take]);
                break;
            case RelaySelection.FirstTrusted:
                if (UntrustedThenOriginating(untrusted) is [var first, ..])
                {
                    chosen.Add(first);
                }

                break;
            default:
                // Oldest first; the newest beyond the cap are reported, not asked.
                var all = UntrustedThenOriginating(untrusted);
                for (var i = all.Count - 1; i >= 0; i--)
                {
                    if (chosen.Count < Options.MaxCheckedRelays)
                    {
                        chosen.Add(all[i]);
                    }
                    else
                    {
                        skipped.Add(new MessageSkippedKey(all[i].Address.ToString(), all[i].Source, all[i].Origin, MessageSkipReason.OverCap, listName));
                    }
                }

                break;
        }

        if (!nice)
        {
            var trustedHead = 0;
            while (trustedHead < chosen.Count && Options.IsTrusted(chosen[trustedHead].Address))
            {
                trustedHead++;
            }

            chosen.RemoveRange(0, trustedHead);
        }

        return WithoutReserved(chosen, listName, skipped);
    }

    private List<RelayHop> UntrustedThenOriginating(List<RelayHop> untrusted)
    {
        if (untrustedThenOriginating is { } built)
        {
            return built;
        }

        var result = new List<RelayHop>(untrusted);
        foreach (var address in originating)
        {
            if (!Options.IsTrusted(address))
            {
                AddUniquePublic(result, new RelayHop(address, MessageKeySource.OriginatingIp, "originating IP header"));
            }
        }

        return untrustedThenOriginating = result;
    }

    // The untrusted hops, or (externalOnly) the hops outside the internal part, trusted or not.
    private List<RelayHop> UniquePublicHops(bool externalOnly)
    {
        var result = new List<RelayHop>();
        foreach (var hop in hops)
        {
            if ((externalOnly ? !hop.Trusted || !hop.Internal : !hop.Trusted) && hop.Hop is { } relayHop)
            {
                AddUniquePublic(result, relayHop);
            }
        }

        return result;
    }

    // SpamAssassin's ip_list_uniq_and_strip_private: hops without address and private ones dropped, repeats dropped.
    // A chain has a handful of hops (at most MaxReceivedHeaders plus the originating headers), so repeats are found by a
    // scan of what is kept: no set to allocate per call.
    private static void AddUniquePublic(List<RelayHop> result, RelayHop hop)
    {
        if (AddressClassifier.IsPrivate(hop.Address))
        {
            return;
        }

        foreach (var kept in result)
        {
            if (kept.Address.Equals(hop.Address))
            {
                return;
            }
        }

        result.Add(hop);
    }
}

using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

// The relays a message does not ask about, and why: message-wide (trusted hops, private addresses) and per list
// (reserved and documentation ranges), each hop's reason worked out once per chain.
internal sealed partial class RelayChain
{
    /// <summary>Adds the relays not asked by any list for a message-wide reason (trusted hops and private addresses) to <paramref name="skipped"/>.</summary>
    public void AddMessageWideSkips(List<MessageSkippedKey> skipped)
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
                skipped.Add(new MessageSkippedKey(address.ToString(), hop.Source, origin, MessageSkipReason.Private));
            }
            else if (hop.Trusted)
            {
                skipped.Add(new MessageSkippedKey(address.ToString(), hop.Source, origin, MessageSkipReason.TrustedHop));
            }
        }
    }

    private List<RelayHop> WithoutReserved(List<RelayHop> chosen, string listName, List<MessageSkippedKey> skipped)
    {
        if (Options.AskReserved)
        {
            return chosen;
        }

        // Compacted in place, in order: the list is this call's own.
        var kept = 0;
        for (var i = 0; i < chosen.Count; i++)
        {
            var hop = chosen[i];
            if (SkipReasonOf(hop) is { } reason)
            {
                skipped.Add(new MessageSkippedKey(hop.Address.ToString(), hop.Source, hop.Origin, reason, listName));
            }
            else
            {
                chosen[kept++] = hop;
            }
        }

        chosen.RemoveRange(kept, chosen.Count - kept);
        return chosen;
    }

    // Every IP list of a message asks about the same few hops (shared RelayHop instances): each hop's ranges are checked
    // once per chain, found again by reference.
    private readonly List<(RelayHop Hop, MessageSkipReason? Reason)> skipReasons = [];

    private MessageSkipReason? SkipReasonOf(RelayHop hop)
    {
        foreach (var (known, knownReason) in skipReasons)
        {
            if (ReferenceEquals(known, hop))
            {
                return knownReason;
            }
        }

        var reason = AddressSkipReasons.Of(hop.Address);
        skipReasons.Add((hop, reason));
        return reason;
    }
}

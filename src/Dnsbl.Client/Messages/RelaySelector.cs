using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Orders a message's hops and picks those an IP list asks about per <see cref="RelaySelection"/>.
/// </summary>
/// <remarks>
/// The hops, newest first, are: the connecting client (when given), then the Received relays with an address; the
/// newest Received relay is dropped when it repeats the connecting client (this MTA's own header). Walking from the
/// newest, hops inside <see cref="MessageOptions.TrustedNetworks"/> — or in private/reserved space, which cannot be an
/// outside relay seen by us — are trusted; the first other hop is the last external relay, and it and every older hop
/// are untrusted (older headers could be forged). Non-public addresses are never returned.
/// </remarks>
internal sealed class RelaySelector
{
    private readonly List<RelayHop> hops = [];
    private readonly int firstUntrusted;
    private readonly MessageOptions options;

    /// <summary>Builds the hop chain of <paramref name="context"/> from its already parsed <paramref name="relays"/>.</summary>
    public RelaySelector(MessageContext context, MessageOptions options, IReadOnlyList<ReceivedRelay> relays)
    {
        this.options = options;
        var connecting = context.ConnectingAddress is null ? null : AddressClassifier.Canonical(context.ConnectingAddress);
        var skipFirstRelay = connecting is not null && relays.Count > 0 && connecting.Equals(relays[0].Address);
        if (connecting is not null)
        {
            hops.Add(new RelayHop(connecting, MessageKeySource.ConnectingClient, "connecting client"));
        }

        for (var i = skipFirstRelay ? 1 : 0; i < relays.Count; i++)
        {
            if (relays[i].Address is { } address)
            {
                // Without a session address, the newest Received hop stands for the connecting client.
                var source = hops.Count == 0 ? MessageKeySource.ConnectingClient : MessageKeySource.Relay;
                hops.Add(new RelayHop(address, source, relays[i].Raw));
            }
        }

        firstUntrusted = hops.FindIndex(hop => !options.IsTrusted(hop.Address) && AddressClassifier.IsPublic(hop.Address));
        if (firstUntrusted < 0)
        {
            firstUntrusted = hops.Count;
        }
    }

    /// <summary>All hops, newest first (for tests and diagnostics).</summary>
    public IReadOnlyList<RelayHop> Hops => hops;

    /// <summary>The hops <paramref name="selection"/> asks about, newest first, public addresses only, without repeats.</summary>
    public IReadOnlyList<RelayHop> Select(RelaySelection selection)
    {
        IEnumerable<RelayHop> chosen = selection switch
        {
            RelaySelection.ConnectingClient => hops.Take(1).Where(hop => !options.IsTrusted(hop.Address)),
            RelaySelection.LastExternal => hops.Skip(firstUntrusted).Take(1),
            RelaySelection.AllUntrusted => hops.Skip(firstUntrusted),
            RelaySelection.NotFirstHop => NotFirstHop(),
            RelaySelection.FirstTrusted => hops.Skip(firstUntrusted).Take(1), // the last external relay, which handed the message to the first trusted host
            _ => [],
        };

        var seen = new HashSet<IPAddress>();
        return [.. chosen.Where(hop => AddressClassifier.IsPublic(hop.Address) && seen.Add(hop.Address))];
    }

    // The first hop is the oldest public untrusted one (the original submitter; a local 127.0.0.1 submission hop does
    // not count); with a single untrusted hop, that hop is
    // also the client talking to us, so it is kept (as SpamAssassin's "-notfirsthop" sets do).
    private IEnumerable<RelayHop> NotFirstHop()
    {
        var untrusted = hops.Skip(firstUntrusted).Where(hop => AddressClassifier.IsPublic(hop.Address)).ToList();
        return untrusted.Count > 1 ? untrusted.Take(untrusted.Count - 1) : untrusted;
    }
}

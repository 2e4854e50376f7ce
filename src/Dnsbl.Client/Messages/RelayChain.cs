using System.Net;
using System.Text.RegularExpressions;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

/// <summary>
/// A message's relays split into trusted and untrusted as SpamAssassin splits them (Received.pm): walking down from the
/// newest header, a hop stays trusted while it is inside the trusted networks or authenticated (or, with no networks
/// configured, has a private address or authenticated); the first other hop and every older one are untrusted. Local
/// steps are ignored, and a mail-fetcher hop met inside the trusted part restarts the chain below it.
/// </summary>
internal sealed partial class RelayChain
{
    private readonly List<ChainHop> hops;

    public RelayChain(MessageContext context, MessageOptions options, List<MessageProblem> problems)
    {
        Options = options;
        var trustConfigured = options.TrustedNetworks.Count > 0;
        var internalConfigured = options.InternalNetworks.Count > 0;
        var walk = new TrustWalk(
            this,
            problems,
            trustConfigured,
            internalConfigured,
            trustConfigured ? options.TrustedNetworks : options.InternalNetworks,
            internalConfigured ? options.InternalNetworks : options.TrustedNetworks);
        hops = new List<ChainHop>(context.ReceivedHeaders.Count + options.OriginatingIpHeaders.Count + 1);
        AddRelays(context, options, ref walk);
        originating = OriginatingAddresses(context, options);
    }

    // Local steps start with "from", "by", "(qmail ...", "via" or "with"; anything else is not a Received header at all.
    private static bool LooksLikeReceived(string raw)
    {
        var text = raw.TrimStart();
        foreach (var start in (ReadOnlySpan<string>)["from ", "by ", "(", "via ", "with ", "id "])
        {
            if (text.StartsWith(start, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The options the chain was built with.</summary>
    public MessageOptions Options { get; }

    /// <summary>Every relay, newest first, with its trust.</summary>
    public IReadOnlyList<ChainHop> Hops => hops;

    /// <summary>Every address in the originating-IP headers (all occurrences), as SpamAssassin's DNSEval reads them.</summary>
    public IReadOnlyList<IPAddress> Originating => originating;

    private readonly List<IPAddress> originating;

    /// <summary>The newest relay: the connecting client (a given session address, or the top Received hop).</summary>
    public ChainHop? Newest => hops.Count > 0 ? hops[0] : null;

    // The session's client first (unless the top header already records it), then the Received headers, then one synthetic
    // "from X-Originating-IP: ip" hop per originating header present (Received.pm treats them as the oldest relays).
    // Handed to the walk one by one (no iterator object, no "name: value" text unless a problem needs it).
    private static void AddRelays(MessageContext context, MessageOptions options, ref TrustWalk walk)
    {
        var headers = context.ReceivedHeaders;
        var first = 0;
        if (context.ConnectingAddress is { } connecting)
        {
            var canonical = AddressClassifier.Canonical(connecting);
            ReceivedRelay? top = null;
            var topKind = headers.Count > 0 ? ReceivedHeaderParser.Parse(headers[0], out top) : ReceivedParseKind.Ignored;
            if (topKind == ReceivedParseKind.Relay && canonical.Equals(top!.Address))
            {
                walk.Add(top, topKind, headers[0], null, null);
                first = 1;
            }
            else
            {
                walk.Add(new ReceivedRelay(canonical, context.HeloName, context.ReverseDnsName, "", null, "connecting client"), ReceivedParseKind.Relay, "connecting client", null, null);
            }
        }

        for (var i = first; i < headers.Count; i++)
        {
            var kind = ReceivedHeaderParser.Parse(headers[i], out var relay);
            walk.Add(relay, kind, headers[i], null, null);
        }

        var names = options.OriginatingIpHeaders;
        for (var n = 0; n < names.Count; n++) // by index: no boxed enumerator over the interface
        {
            var name = names[n];
            if (HeaderBlock.First(context.Headers, name) is { } value && OriginatingLine(value) is { } line)
            {
                var kind = ReceivedHeaderParser.Parse(line, out var relay);
                walk.Add(relay, kind, null, name, value);
            }
        }
    }

    private static List<IPAddress> OriginatingAddresses(MessageContext context, MessageOptions options)
    {
        var addresses = new List<IPAddress>();
        var headers = context.Headers;
        var names = options.OriginatingIpHeaders;
        for (var n = 0; n < names.Count; n++)
        {
            var name = names[n];
            // By index and with match ranges: no boxed enumerator per name, no Match object per address.
            for (var i = 0; i < headers.Count; i++)
            {
                if (!string.Equals(headers[i].Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var value = headers[i].Value;
                foreach (var match in AnyAddress().EnumerateMatches(value))
                {
                    if (ReceivedHeaderParser.TryParseAddress(value.AsSpan(match.Index, match.Length), out var address))
                    {
                        addresses.Add(address);
                    }
                }
            }
        }

        return addresses;
    }

    // The synthetic Received line of an originating-IP header's first address, or null when it has none.
    private static string? OriginatingLine(string value)
    {
        foreach (var match in AnyAddress().EnumerateMatches(value))
        {
            return string.Concat(ReceivedHeaderParser.OriginatingIpPrefix, value.AsSpan(match.Index, match.Length));
        }

        return null;
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z.:])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![0-9])|(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![0-9A-Fa-f:])")]
    private static partial Regex AnyAddress();
}

/// <summary>A relay of the chain with its place in the trust path.</summary>
/// <param name="Relay">The parsed hop.</param>
/// <param name="Trusted">Inside the trusted part of the chain.</param>
/// <param name="Internal">Inside the internal part (this site's own relays).</param>
/// <param name="Source">ConnectingClient for the newest hop, else Relay.</param>
internal sealed record ChainHop(ReceivedRelay Relay, bool Trusted, bool Internal, MessageKeySource Source)
{
    /// <summary>The hop as a relay address to ask about (made once, shared by every list's selection), or null without an address.</summary>
    public RelayHop? Hop { get; } = Relay.Address is { } address ? new RelayHop(address, Source, Relay.Raw) : null;
}

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
    private readonly List<ChainHop> hops = [];

    public RelayChain(MessageContext context, MessageOptions options, List<MessageProblem> problems)
    {
        Options = options;
        var trustConfigured = options.TrustedNetworks.Count > 0;
        var internalConfigured = options.InternalNetworks.Count > 0;
        var trusted = trustConfigured ? options.TrustedNetworks : options.InternalNetworks;
        var internalNetworks = internalConfigured ? options.InternalNetworks : options.TrustedNetworks;
        var inTrusted = true;
        var inInternal = true;
        var foundMsa = false;
        var fetcherRestarts = true;
        foreach (var (relay, kind, raw) in Relays(context, options))
        {
            if (kind == ReceivedParseKind.MailFetcher && fetcherRestarts)
            {
                hops.RemoveAll(hop => hop.Trusted); // the hops above a fetch describe the mailbox's own delivery
            }

            if (kind == ReceivedParseKind.Unparseable || (kind == ReceivedParseKind.Ignored && !LooksLikeReceived(raw)))
            {
                problems.Add(MessageProblem.Create(MessageProblemKind.MalformedReceived, raw));
            }

            if (relay is null)
            {
                continue;
            }

            if (inTrusted && !foundMsa)
            {
                if (!trustConfigured && !internalConfigured)
                {
                    if (!(relay.Address is { } inferred && AddressClassifier.IsPrivate(inferred)) && !relay.IsAuthenticated)
                    {
                        inTrusted = inInternal = false;
                    }
                }
                else if (!relay.IsAuthenticated && !(relay.Address is { } address && MessageOptions.Contains(trusted, address)))
                {
                    inTrusted = inInternal = false;
                }
                else
                {
                    inInternal &= relay.IsAuthenticated || (relay.Address is { } inside && MessageOptions.Contains(internalNetworks, inside));
                    foundMsa = relay.Address is { } msa && options.MsaNetworks.Count > 0 && MessageOptions.Contains(options.MsaNetworks, msa);
                }
            }

            hops.Add(new ChainHop(relay, inTrusted, inInternal, hops.Count == 0 ? MessageKeySource.ConnectingClient : MessageKeySource.Relay));
            fetcherRestarts = inTrusted;
        }

        Originating = OriginatingAddresses(context, options);
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
    public IReadOnlyList<IPAddress> Originating { get; }

    /// <summary>The newest relay: the connecting client (a given session address, or the top Received hop).</summary>
    public ChainHop? Newest => hops.Count > 0 ? hops[0] : null;

    // The session's client first (unless the top header already records it), then the Received headers, then one synthetic
    // "from X-Originating-IP: ip" hop per originating header present (Received.pm treats them as the oldest relays).
    private static IEnumerable<(ReceivedRelay? Relay, ReceivedParseKind Kind, string Raw)> Relays(MessageContext context, MessageOptions options)
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
                yield return (top, topKind, headers[0]);
                first = 1;
            }
            else
            {
                yield return (new ReceivedRelay(canonical, context.HeloName, context.ReverseDnsName, "", null, "connecting client"), ReceivedParseKind.Relay, "connecting client");
            }
        }

        for (var i = first; i < headers.Count; i++)
        {
            var kind = ReceivedHeaderParser.Parse(headers[i], out var relay);
            yield return (relay, kind, headers[i]);
        }

        foreach (var name in options.OriginatingIpHeaders)
        {
            if (HeaderBlock.First(context.Headers, name) is { } value && OriginatingLine(value) is { } line)
            {
                var kind = ReceivedHeaderParser.Parse(line, out var relay);
                yield return (relay, kind, $"{name}: {value}");
            }
        }
    }

    private static List<IPAddress> OriginatingAddresses(MessageContext context, MessageOptions options)
    {
        var addresses = new List<IPAddress>();
        var headers = context.Headers;
        foreach (var name in options.OriginatingIpHeaders)
        {
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

using System.Net;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

internal sealed partial class RelayChain
{
    // The split of SpamAssassin's Received.pm, one relay at a time, newest first.
    private struct TrustWalk(
        RelayChain chain,
        List<MessageProblem> problems,
        bool trustConfigured,
        bool internalConfigured,
        IReadOnlyList<IPNetwork> trusted,
        IReadOnlyList<IPNetwork> internalNetworks)
    {
        private bool inTrusted = true;
        private bool inInternal = true;
        private bool foundMsa;
        private bool fetcherRestarts = true;

        // raw: the header text for a problem, or null when it is rawName + ": " + the relay's own text (made only then).
        public void Add(ReceivedRelay? relay, ReceivedParseKind kind, string? raw, string? rawName, string? rawValue)
        {
            var hops = chain.hops;
            if (kind == ReceivedParseKind.MailFetcher && fetcherRestarts)
            {
                hops.RemoveAll(hop => hop.Trusted); // the hops above a fetch describe the mailbox's own delivery
            }

            if (kind is ReceivedParseKind.Unparseable or ReceivedParseKind.Ignored)
            {
                var text = raw ?? $"{rawName}: {rawValue}";
                if (kind == ReceivedParseKind.Unparseable || !LooksLikeReceived(text))
                {
                    problems.Add(MessageProblem.Create(MessageProblemKind.MalformedReceived, text));
                }
            }

            if (relay is null)
            {
                return;
            }

            var options = chain.Options;
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
    }
}

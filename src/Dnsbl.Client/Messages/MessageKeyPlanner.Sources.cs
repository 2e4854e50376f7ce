using Dnsbl.Client.Lists;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

internal sealed partial class MessageKeyPlanner
{
    // Hashed lists (Spamhaus HBL, MSBL EBL) hold whole e-mail addresses; plain domain lists hold domains.
    private void DomainLookups(DnsList list, List<MessageLookup> candidates)
    {
        if (list.BodyRegex is { } pattern)
        {
            var overCap = new List<string>();
            foreach (var word in BodyWords.Find(pattern, ScannedBodies, overCap, problems))
            {
                candidates.Add(new MessageLookup(list, KeyHasher.Apply(word, list), MessageKeySource.BodyText, word));
            }

            foreach (var word in overCap)
            {
                skipped.Add(new MessageSkippedKey(word, MessageKeySource.BodyText, word, MessageSkipReason.OverCap, list.Name));
            }
        }

        var hashed = list.KeyHash != KeyHashAlgorithm.None;
        // Without a session, the newest Received hop stands for the client (as the relay chain does for the address).
        var newest = context.ConnectingAddress is null ? chain.Newest?.Relay : null;
        foreach (var (flag, source) in DomainSourceKinds)
        {
            var value = source switch
            {
                MessageKeySource.Helo => context.HeloName ?? newest?.Helo,
                MessageKeySource.ReverseDns => context.ReverseDnsName ?? newest?.ReverseDns,
                MessageKeySource.MailFrom => context.MailFrom,
                MessageKeySource.HeaderFrom => context.HeaderFrom,
                _ => context.ReplyTo,
            };
            if ((list.DomainSources & flag) == 0 || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var isAddress = source is MessageKeySource.MailFrom or MessageKeySource.HeaderFrom or MessageKeySource.ReplyTo;
            var host = isAddress ? AddressHeaderParser.DomainOf(value) : value;
            if (host is null || DomainKey(host, list.DomainForm, source, value, list.Name) is not { } domainKey)
            {
                continue;
            }

            var key = hashed && isAddress ? NormalizedAddress(value, domainKey) : domainKey;
            candidates.Add(new MessageLookup(list, KeyHasher.Apply(key, list), source, value));
        }
    }

    // The domain sources in the order their keys are listed (an array walked in place of an iterator per list).
    private static readonly (DomainSources Flag, MessageKeySource Source)[] DomainSourceKinds =
    [
        (DomainSources.Helo, MessageKeySource.Helo),
        (DomainSources.ReverseDns, MessageKeySource.ReverseDns),
        (DomainSources.MailFrom, MessageKeySource.MailFrom),
        (DomainSources.HeaderFrom, MessageKeySource.HeaderFrom),
        (DomainSources.ReplyTo, MessageKeySource.ReplyTo),
    ];

    // The local part keeps its case-folded form; the domain part is the normalised full host (never cut to the
    // registered domain: a hashed address names one mailbox).
    private static string NormalizedAddress(string address, string domainKey)
    {
        var at = address.LastIndexOf('@');
        var domain = address[(at + 1)..].Trim().TrimEnd('>');
        var host = DomainName.TryNormalize(domain, out var normalized, out _) ? normalized : domainKey;
        return string.Concat(address.AsSpan(0, at).Trim().TrimStart('<'), "@", host).ToLowerInvariant();
    }
}

using Dnsbl.Client.Lists;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

internal sealed partial class MessageKeyPlanner
{
    // Hashed lists (Spamhaus HBL, MSBL EBL) hold whole e-mail addresses; plain domain lists hold domains.
    private IEnumerable<MessageLookup> DomainLookups(DnsList list)
    {
        var hashed = list.KeyHash != KeyHashAlgorithm.None;
        foreach (var (flag, source, value) in DomainSourceValues())
        {
            if ((list.DomainSources & flag) == 0 || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var isAddress = source is MessageKeySource.MailFrom or MessageKeySource.HeaderFrom or MessageKeySource.ReplyTo;
            var host = isAddress ? AddressHeaderParser.DomainOf(value) : value;
            if (host is null || DomainKey(host, list.DomainForm) is not { } domainKey)
            {
                continue;
            }

            var key = hashed && isAddress ? NormalizedAddress(value, domainKey) : domainKey;
            yield return new MessageLookup(list, KeyHasher.Apply(key, list), source, value);
        }
    }

    private IEnumerable<(DomainSources Flag, MessageKeySource Source, string? Value)> DomainSourceValues()
    {
        // Without a session, the newest Received hop stands for the client (as RelaySelector does for the address).
        var newest = context.ConnectingAddress is null && relays.Count > 0 ? relays[0] : null;
        yield return (DomainSources.Helo, MessageKeySource.Helo, context.HeloName ?? newest?.Helo);
        yield return (DomainSources.ReverseDns, MessageKeySource.ReverseDns, context.ReverseDnsName ?? newest?.ReverseDns);
        yield return (DomainSources.MailFrom, MessageKeySource.MailFrom, context.MailFrom);
        yield return (DomainSources.HeaderFrom, MessageKeySource.HeaderFrom, context.HeaderFrom);
        yield return (DomainSources.ReplyTo, MessageKeySource.ReplyTo, context.ReplyTo);
    }

    // The local part keeps its case-folded form; the domain part is the normalised full host (never cut to the
    // registered domain: a hashed address names one mailbox).
    private static string NormalizedAddress(string address, string domainKey)
    {
        var at = address.LastIndexOf('@');
        var domain = address[(at + 1)..].Trim().TrimEnd('>');
        var host = DomainName.TryNormalize(domain, out var normalized, out _) ? normalized : domainKey;
        return string.Concat(address.AsSpan(0, at).Trim().TrimStart('<'), "@", host).ToLowerInvariant();
    }

    private IEnumerable<MessageLookup> LinkLookups(DnsList list)
    {
        links ??= LinkExtractor.Extract(context.TextBody, context.HtmlBody, suffixes);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            if (keys.Count >= options.MaxUriDomains)
            {
                yield break;
            }

            if (link.Address is { } address)
            {
                if (list.QueriesIpAddresses && AddressClassifier.IsPublic(address) && keys.Add(link.Host))
                {
                    yield return new MessageLookup(list, link.Host, MessageKeySource.Link, link.Origin, address);
                }

                continue;
            }

            if (IsSkipped(link.Host) || DomainKey(link.Host, list.DomainForm) is not { } key || !keys.Add(key))
            {
                continue;
            }

            yield return new MessageLookup(list, KeyHasher.Apply(key, list), MessageKeySource.Link, link.Origin);
        }
    }

    private bool IsSkipped(string host)
    {
        for (var dot = -1; ; dot = host.IndexOf('.', dot + 1))
        {
            if (skipDomains.Contains(host[(dot + 1)..]))
            {
                return true;
            }

            if (host.IndexOf('.', dot + 1) < 0)
            {
                return false;
            }
        }
    }
}

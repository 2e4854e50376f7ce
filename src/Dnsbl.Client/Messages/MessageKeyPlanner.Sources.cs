using Dnsbl.Client.Lists;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

internal sealed partial class MessageKeyPlanner
{
    // Hashed lists (Spamhaus HBL, MSBL EBL) hold whole e-mail addresses; plain domain lists hold domains.
    private IEnumerable<MessageLookup> DomainLookups(DnsList list)
    {
        if (list.BodyRegex is { } pattern)
        {
            var overCap = new List<string>();
            foreach (var word in BodyWords.Find(pattern, context, overCap, problems))
            {
                yield return new MessageLookup(list, KeyHasher.Apply(word, list), MessageKeySource.BodyText, word);
            }

            foreach (var word in overCap)
            {
                skipped.Add(new MessageSkippedKey(word, MessageKeySource.BodyText, word, MessageSkipReason.OverCap, list.Name));
            }
        }

        var hashed = list.KeyHash != KeyHashAlgorithm.None;
        foreach (var (flag, source, value) in DomainSourceValues())
        {
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
            yield return new MessageLookup(list, KeyHasher.Apply(key, list), source, value);
        }
    }

    private IEnumerable<(DomainSources Flag, MessageKeySource Source, string? Value)> DomainSourceValues()
    {
        // Without a session, the newest Received hop stands for the client (as the relay chain does for the address).
        var newest = context.ConnectingAddress is null ? chain.Newest?.Relay : null;
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

    // SpamAssassin's URIDNSBL: hosts by group (anchors, forms, images, other markup and DKIM d=, text), skip-listed hosts
    // left out before the cap, then at most MaxUriDomains hosts; each host asked as the list's domain form.
    private IEnumerable<MessageLookup> LinkLookups(DnsList list)
    {
        links ??= OrderedLinks();
        skipListed ??= new bool?[links.Count];
        var hosts = 0;
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link.IsMailAddress && !options.IncludeMailtoLinks)
            {
                skipped.Add(new MessageSkippedKey(link.Host, MessageKeySource.Link, link.Origin, MessageSkipReason.MailAddress));
                continue;
            }

            var source = link.Origin.StartsWith("DKIM-Signature", StringComparison.Ordinal) ? MessageKeySource.DkimDomain : MessageKeySource.Link;
            if (link.Address is null && (skipListed[i] ??= IsSkipListed(link.Host)))
            {
                skipped.Add(new MessageSkippedKey(link.Host, source, link.Origin, MessageSkipReason.SkipListed));
                continue;
            }

            if (hosts >= options.MaxUriDomains)
            {
                skipped.Add(new MessageSkippedKey(link.Host, source, link.Origin, MessageSkipReason.OverCap, list.Name));
                continue;
            }

            hosts++;
            if (link.Address is { } address)
            {
                if (!list.QueriesIpAddresses)
                {
                    continue;
                }

                if (AddressSkipReasons.Of(address) is { } reason && (reason == MessageSkipReason.Private || !options.AskReserved))
                {
                    skipped.Add(new MessageSkippedKey(link.Host, source, link.Origin, reason, list.Name));
                    continue;
                }

                yield return new MessageLookup(list, link.Host, source, link.Origin, address);
                continue;
            }

            if (list.UriLookup.HasFlag(UriLookupVia.LinkName) && DomainKey(link.Host, list.DomainForm, source, link.Origin, list.Name) is { } key)
            {
                yield return new MessageLookup(list, KeyHasher.Apply(key, list), source, link.Origin);
            }

            if ((list.UriLookup & ~UriLookupVia.LinkName) == 0)
            {
                continue; // nothing to resolve: no iterator for the common case
            }

            foreach (var resolved in ToResolve(list, link, source))
            {
                yield return resolved;
            }
        }
    }

    private static readonly UriLookupVia[] NameServerForms = [UriLookupVia.NameServerAddresses, UriLookupVia.NameServerNames];

    // SpamAssassin's uridnsbl: the A records of the link host ('a'); the NS records of its registered domain ('ns', urinsrhs*).
    private IEnumerable<MessageLookup> ToResolve(DnsList list, ExtractedLink link, MessageKeySource source)
    {
        if (list.UriLookup.HasFlag(UriLookupVia.HostAddresses) && DomainKey(link.Host, DomainQueryForm.FullHostName, source, link.Origin, list.Name) is { } host)
        {
            yield return new MessageLookup(list, host, source, link.Origin, Resolve: UriLookupVia.HostAddresses);
        }

        // The domain whose name servers are looked up: cut as SpamAssassin cuts it (uri_to_domain) for a list that asks
        // in its form, else by the Public Suffix List.
        var nameServerDomainForm = list.DomainForm == DomainQueryForm.RegistryBoundaries ? DomainQueryForm.RegistryBoundaries : DomainQueryForm.RegisteredDomain;
        foreach (var via in NameServerForms)
        {
            if (list.UriLookup.HasFlag(via) && DomainKey(link.Host, nameServerDomainForm, source, link.Origin, list.Name) is { } domain)
            {
                yield return new MessageLookup(list, domain, source, link.Origin, Resolve: via);
            }
        }
    }

    private List<ExtractedLink> OrderedLinks()
    {
        var found = LinkExtractor.Extract(context.TextBody, context.HtmlBody, suffixes, RedirectorPatternSet.For(options.RedirectorPatterns), problems);
        if (options.DkimDomainsAsLinks)
        {
            foreach (var domain in DkimDomains.Of(context.Headers))
            {
                if (!found.Exists(link => link.Host == domain))
                {
                    found.Add(new ExtractedLink(domain, null, "DKIM-Signature d=" + domain, InMarkup: false, LinkPriority.OtherMarkup));
                }
            }
        }

        return [.. found.OrderBy(link => link.Priority)]; // stable: first-seen order within a group
    }

    // SpamAssassin compares the skip list with the host itself and with its registered domain.
    // The host is normalised (lower-case punycode), so its registered domain is a slice of it.
    private bool IsSkipListed(string host)
    {
        if (skipDomains.Contains(host))
        {
            return true;
        }

        if (PublicSuffixList.ToAscii(host) is not { } ascii)
        {
            return false;
        }

        var start = suffixes.RegisteredDomainStart(ascii, icannOnly: false);
        return start >= 0 && skipDomainSpans.Contains(ascii.AsSpan(start));
    }
}

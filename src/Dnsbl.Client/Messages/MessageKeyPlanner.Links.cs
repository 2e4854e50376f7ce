using Dnsbl.Client.Lists;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

// The keys of URI lists: the message's links in SpamAssassin's groups, less skip-listed hosts, up to the cap.
internal sealed partial class MessageKeyPlanner
{
    // SpamAssassin's URIDNSBL: hosts by group (anchors, forms, images, other markup and DKIM d=, text), skip-listed hosts
    // left out before the cap, then at most MaxUriDomains hosts; each host asked as the list's domain form. Added to
    // candidates directly (no iterator state machine or interface calls per lookup).
    private void LinkLookups(DnsList list, List<MessageLookup> candidates)
    {
        links ??= OrderedLinks();
        skipListed ??= new bool?[links.Count];
        linkNames ??= new LinkName[links.Count];
        // The mail-address and skip-list skips name no list: told by the first URI list only (later ones would repeat them).
        var tellListFreeSkips = !listFreeLinkSkipsTold;
        listFreeLinkSkipsTold = true;
        var hosts = 0;
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link.IsMailAddress && !options.IncludeMailtoLinks)
            {
                if (tellListFreeSkips)
                {
                    skipped.Add(new MessageSkippedKey(link.Host, MessageKeySource.Link, link.Origin, MessageSkipReason.MailAddress));
                }

                continue;
            }

            var source = link.Origin.StartsWith(DkimOriginPrefix, StringComparison.Ordinal) ? MessageKeySource.DkimDomain : MessageKeySource.Link;
            if (link.Address is null && (skipListed[i] ??= IsSkipListed(i)))
            {
                if (tellListFreeSkips)
                {
                    skipped.Add(new MessageSkippedKey(link.Host, source, link.Origin, MessageSkipReason.SkipListed));
                }

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

                candidates.Add(new MessageLookup(list, link.Host, source, link.Origin, address));
                continue;
            }

            if (list.UriLookup.HasFlag(UriLookupVia.LinkName) && LinkDomainKey(i, list.DomainForm, source, link.Origin, list.Name) is { } key)
            {
                candidates.Add(new MessageLookup(list, KeyHasher.Apply(key, list), source, link.Origin));
            }

            if ((list.UriLookup & ~UriLookupVia.LinkName) == 0)
            {
                continue; // nothing to resolve: the common case
            }

            ToResolve(list, i, source, candidates);
        }
    }

    // The origin of a signing domain taken as a link (OrderedLinks); it tells the key's source. No body link's origin
    // starts so (a mail address cannot hold the space).
    private const string DkimOriginPrefix = "DKIM-Signature d=";

    private static readonly UriLookupVia[] NameServerForms = [UriLookupVia.NameServerAddresses, UriLookupVia.NameServerNames];

    // SpamAssassin's uridnsbl: the A records of the link host ('a'); the NS records of its registered domain ('ns', urinsrhs*).
    private void ToResolve(DnsList list, int index, MessageKeySource source, List<MessageLookup> candidates)
    {
        var link = links![index];
        if (list.UriLookup.HasFlag(UriLookupVia.HostAddresses) && LinkDomainKey(index, DomainQueryForm.FullHostName, source, link.Origin, list.Name) is { } host)
        {
            candidates.Add(new MessageLookup(list, host, source, link.Origin, Resolve: UriLookupVia.HostAddresses));
        }

        // The domain whose name servers are looked up: cut as SpamAssassin cuts it (uri_to_domain) for a list that asks
        // in its form, else by the Public Suffix List.
        var nameServerDomainForm = list.DomainForm == DomainQueryForm.RegistryBoundaries ? DomainQueryForm.RegistryBoundaries : DomainQueryForm.RegisteredDomain;
        foreach (var via in NameServerForms)
        {
            if (list.UriLookup.HasFlag(via) && LinkDomainKey(index, nameServerDomainForm, source, link.Origin, list.Name) is { } domain)
            {
                candidates.Add(new MessageLookup(list, domain, source, link.Origin, Resolve: via));
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
                // A mail address of the same domain does not stand for it: the address is skipped (mailto), the
                // signing domain is asked, as SpamAssassin asks its "domainkeys" URI beside a skipped mailto.
                if (!found.Exists(link => link.Host == domain && !link.IsMailAddress))
                {
                    found.Add(new ExtractedLink(domain, null, DkimOriginPrefix + domain, InMarkup: false, LinkPriority.OtherMarkup));
                }
            }
        }

        return ByPriority(found);
    }

    // Stable: first-seen order within a group. One sort of (priority, position) keys instead of LINQ's ordered
    // enumerable with its key, map and buffer arrays.
    private static List<ExtractedLink> ByPriority(List<ExtractedLink> found)
    {
        var keys = new long[found.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)found[i].Priority << 32) | (uint)i;
        }

        Array.Sort(keys);
        var ordered = new List<ExtractedLink>(keys.Length);
        foreach (var key in keys)
        {
            ordered.Add(found[(int)(uint)key]);
        }

        return ordered;
    }
}

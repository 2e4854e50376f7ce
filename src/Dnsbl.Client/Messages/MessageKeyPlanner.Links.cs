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
        linkNames ??= scratch.LinkNamesFor(links.Count);
        candidates.EnsureCapacity(links.Count); // about one key per link: grown once, not from 4 by doubling
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
            if (link.Address is null && IsSkipListed(i))
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
                // A link key is a normalised name (lower case, no white space): hashing without an algorithm gives it back.
                candidates.Add(new MessageLookup(list, list.KeyHash == KeyHashAlgorithm.None ? key : KeyHasher.Apply(key, list), source, link.Origin));
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
        var (text, htmlText) = ScannedBodies;
        var found = LinkExtractor.Extract(text, context.HtmlBody, suffixes, RedirectorPatternSet.For(options.RedirectorPatterns), problems, htmlText);
        if (options.DkimDomainsAsLinks)
        {
            foreach (var domain in DkimDomains.Of(context.Headers))
            {
                // A mail address of the same domain does not stand for it: the address is skipped (mailto), the
                // signing domain is asked, as SpamAssassin asks its "domainkeys" URI beside a skipped mailto.
                if (!HasLinkTo(found, domain))
                {
                    found.Add(new ExtractedLink(domain, null, DkimOriginPrefix + domain, InMarkup: false, LinkPriority.OtherMarkup));
                }
            }
        }

        return ByPriority(found);
    }

    // Whether a link other than a mail address has host (a loop: no closure per signing domain).
    private static bool HasLinkTo(List<ExtractedLink> found, string host)
    {
        foreach (var link in found)
        {
            if (link.Host == host && !link.IsMailAddress)
            {
                return true;
            }
        }

        return false;
    }

    // Stable: first-seen order within a group. One sort of (priority, position) keys, then the list reordered in place
    // (it is the extractor's own): no LINQ ordered enumerable, no second list.
    private static List<ExtractedLink> ByPriority(List<ExtractedLink> found)
    {
        var count = found.Count;
        var rented = count > MaxStackKeys ? System.Buffers.ArrayPool<long>.Shared.Rent(count) : null;
        var keys = rented is null ? stackalloc long[count] : rented.AsSpan(0, count);
        var sorted = true;
        for (var i = 0; i < count; i++)
        {
            keys[i] = ((long)found[i].Priority << 32) | (uint)i;
            sorted &= i == 0 || keys[i] > keys[i - 1];
        }

        if (!sorted)
        {
            keys.Sort();
            var original = System.Buffers.ArrayPool<ExtractedLink>.Shared.Rent(count);
            found.CopyTo(original);
            for (var i = 0; i < count; i++)
            {
                found[i] = original[(int)(uint)keys[i]];
            }

            System.Buffers.ArrayPool<ExtractedLink>.Shared.Return(original, clearArray: true);
        }

        if (rented is not null)
        {
            System.Buffers.ArrayPool<long>.Shared.Return(rented);
        }

        return found;
    }

    // Links whose sort keys stay on the stack (8 bytes each).
    private const int MaxStackKeys = 512;
}

using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Messages;

// A host's key in a list's domain form, the registered-domain cuts cached per message, and the special-use names.
internal sealed partial class MessageKeyPlanner
{
    /// <summary>
    /// The key of <paramref name="host"/> in <paramref name="form"/>; null when it is not a name (reported as nothing:
    /// it is no key) or a special-use name (reported, unless <see cref="MessageOptions.AskReserved"/>).
    /// </summary>
    private string? DomainKey(string host, DomainQueryForm form, MessageKeySource source, string origin, string listName)
    {
        if (NameOf(host) is not { } normalized || SkipsSpecialUse(normalized, IsSpecialUseName(normalized), source, origin, listName))
        {
            return null;
        }

        return form == DomainQueryForm.FullHostName ? normalized : InForm(normalized, form);
    }

    // A host as a key: normalised, and with a '.' (a single label is no name a list can hold); null when it is not one.
    private static string? NameOf(string host) =>
        DomainName.TryNormalize(host.Trim(), out var normalized, out _) && normalized.Contains('.', StringComparison.Ordinal) ? normalized : null;

    // Whether name (isSpecialUse: IsSpecialUseName's answer) is left out for listName, as reported in skipped.
    private bool SkipsSpecialUse(string name, bool isSpecialUse, MessageKeySource source, string origin, string listName)
    {
        if (options.AskReserved || !isSpecialUse)
        {
            return false;
        }

        skipped.Add(new MessageSkippedKey(name, source, origin, MessageSkipReason.SpecialUseName, listName));
        return true;
    }

    // ListDomainKey.InForm's cut, found once per host, form and message: every domain list asks the same few hosts (URI
    // lists keep theirs per link, LinkDomainKey).
    private string? InForm(string normalized, DomainQueryForm form)
    {
        var known = scratch.DomainsInForm;
        if (!known.TryGetValue((form, normalized), out var domain))
        {
            domain = ListDomainKey.InForm(normalized, form, suffixes);
            known.Add((form, normalized), domain);
        }

        return domain;
    }

    // Special-use top-level domains (RFC 2606, RFC 6761, RFC 6762 ".local", RFC 8375 ".home.arpa") are never delegated,
    // so no public list can hold them. example.com/net/org are delegated names, and RFC 6761 section 6.5 asks software
    // to treat them as any other: they are asked (SpamAssassin asks them as author domains too); URI lists leave them
    // out through the skip list, as SpamAssassin's uridnsbl_skip_domain does.
    internal static bool IsSpecialUseName(string name)
    {
        var topLevel = name.AsSpan(name.LastIndexOf('.') + 1);
        return topLevel is "test" or "example" or "invalid" or "localhost" or "local" or "arpa" or "internal" or "lan";
    }
}

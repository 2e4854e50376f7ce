using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Messages;

// A link host's name and its keys per domain form, found once per message: every URI list asks the same links, so the
// second and later lists read what the first one worked out (no normalising, suffix walk or dictionary per list).
internal sealed partial class MessageKeyPlanner
{
    // Per link of links (same index): its name and keys, filled on first use.
    private LinkName[]? linkNames;

    /// <summary>
    /// <see cref="DomainKey"/> for the link at <paramref name="index"/> of <c>links</c>: the same key and the same skip, with
    /// the name and its form cuts kept for the next list.
    /// </summary>
    private string? LinkDomainKey(int index, DomainQueryForm form, MessageKeySource source, string origin, string listName)
    {
        ref var name = ref linkNames![index];
        if (!name.Known)
        {
            name.Known = true;
            var host = links![index].Host;
            if (NameOf(host) is { } normalized)
            {
                name.Normalized = normalized;
                name.SpecialUse = IsSpecialUseName(normalized);
                name.SameAsHost = string.Equals(normalized, host, StringComparison.Ordinal);
            }
        }

        if (name.Normalized is not { } key)
        {
            return null;
        }

        if (SkipsSpecialUse(key, name.SpecialUse, source, origin, listName))
        {
            return null;
        }

        switch (form)
        {
            case DomainQueryForm.FullHostName:
                return key;
            case DomainQueryForm.RegisteredDomain:
                return (name.Registered ??= new CutName(RegisteredDomain(ref name))).Key;
            case DomainQueryForm.RegisteredDomainIcannOnly:
                return (name.IcannRegistered ??= new CutName(ListDomainKey.InForm(key, form, suffixes))).Key;
            default:
                return (name.Boundaries ??= new CutName(ListDomainKey.InForm(key, form, suffixes))).Key;
        }
    }

    // The skip-list check (IsSkipListed) walked the suffix list over the host's ASCII form already; when the host was
    // normalised as it came, that walk is the registered domain's (GetRegisteredDomain walks ToAscii of the same text).
    private string? RegisteredDomain(ref LinkName name)
    {
        if (name.SameAsHost && name.SkipWalkAscii is { } ascii)
        {
            return name.SkipWalkStart < 0 ? null : ascii[name.SkipWalkStart..];
        }

        return ListDomainKey.InForm(name.Normalized!, DomainQueryForm.RegisteredDomain, suffixes);
    }

    // SpamAssassin compares the skip list with the host itself and with its registered domain.
    // The host is normalised (lower-case punycode), so its registered domain is a slice of it.
    private bool IsSkipListed(int index)
    {
        var host = links![index].Host;
        if (skipDomains.Contains(host))
        {
            return true;
        }

        if (PublicSuffixList.ToAscii(host) is not { } ascii)
        {
            return false;
        }

        var start = suffixes.RegisteredDomainStart(ascii, icannOnly: false);
        ref var name = ref linkNames![index];
        name.SkipWalkAscii = ascii;
        name.SkipWalkStart = start;
        return start >= 0 && skipDomainSpans.Contains(ascii.AsSpan(start));
    }

    private struct LinkName
    {
        public bool Known;
        public string? Normalized; // null: not a name with a dot (no key)
        public bool SpecialUse;
        public bool SameAsHost;
        public string? SkipWalkAscii;
        public int SkipWalkStart;
        public CutName? Registered;
        public CutName? IcannRegistered;
        public CutName? Boundaries;
    }

    // A form's cut, kept even when it is null (no registered domain).
    private readonly record struct CutName(string? Key);
}

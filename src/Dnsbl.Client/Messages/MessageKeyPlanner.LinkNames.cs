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
                return KeyOf(name.Registered ??= RegisteredDomain(ref name) ?? NoCut);
            case DomainQueryForm.RegisteredDomainIcannOnly:
                return KeyOf(name.IcannRegistered ??= ListDomainKey.InForm(key, form, suffixes) ?? NoCut);
            default:
                return KeyOf(name.Boundaries ??= ListDomainKey.InForm(key, form, suffixes) ?? NoCut);
        }
    }

    // A form's cut as kept in a LinkName field: NoCut when the name has no key in that form.
    private static string? KeyOf(string cut) => ReferenceEquals(cut, NoCut) ? null : cut;

    // Stands for "no key in this form" in a LinkName field (a string of its own, compared by reference).
    private static readonly string NoCut = new('-', 1);

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

    // SpamAssassin compares the skip list with the host itself and with its registered domain. Told once per link,
    // whichever URI list asks first.
    // The host is normalised (lower-case punycode), so its registered domain is a slice of it.
    private bool IsSkipListed(int index)
    {
        ref var name = ref linkNames![index];
        if (name.SkipListState == SkipListUnknown)
        {
            name.SkipListState = FindSkipListed(index, ref name) ? SkipListHolds : SkipListLacks;
        }

        return name.SkipListState == SkipListHolds;
    }

    private bool FindSkipListed(int index, ref LinkName name)
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
        name.SkipWalkAscii = ascii;
        name.SkipWalkStart = start;
        return start >= 0 && skipDomainSpans.Contains(ascii.AsSpan(start));
    }

    private const byte SkipListUnknown = 0;
    private const byte SkipListHolds = 1;
    private const byte SkipListLacks = 2;

    private struct LinkName
    {
        public bool Known;
        public string? Normalized; // null: not a name with a dot (no key)
        public bool SpecialUse;
        public bool SameAsHost;
        public byte SkipListState; // SkipListUnknown, SkipListHolds or SkipListLacks
        public string? SkipWalkAscii;
        public int SkipWalkStart;
        public string? Registered; // each form's cut: null until found, then the key or NoCut
        public string? IcannRegistered;
        public string? Boundaries;
    }
}

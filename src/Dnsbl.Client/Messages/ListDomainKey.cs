using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Messages;

/// <summary>
/// The key a domain or URI list is asked about a host name: the name in the list's <see cref="DnsList.DomainForm"/>
/// (registered domain for URIBL/SURBL, full host for DBL), hashed as the list's <c>KeyHash*</c> say. The form rule is
/// shared by message checks and a direct domain check (<c>CheckDomainAsync</c>, <c>dnsbl check example.com</c>).
/// </summary>
internal static class ListDomainKey
{
    /// <summary><paramref name="normalized"/> (a normalised host name) in <paramref name="form"/>; null when it has no registered domain (a public suffix, a single label).</summary>
    public static string? InForm(string normalized, DomainQueryForm form, PublicSuffixList suffixes) => form switch
    {
        DomainQueryForm.FullHostName => normalized,
        DomainQueryForm.RegisteredDomainIcannOnly => suffixes.GetRegisteredDomain(normalized, icannOnly: true),
        DomainQueryForm.RegistryBoundaries => RegistryBoundaries.Embedded.RegisteredDomain(normalized),
        _ => suffixes.GetRegisteredDomain(normalized, icannOnly: false),
    };

    /// <summary>
    /// The query label of <paramref name="normalized"/> for <paramref name="list"/> in a direct domain check, or null (and
    /// why) when the list's form has none. A URI list is asked in its <see cref="DnsList.DomainForm"/> (a link host is
    /// trimmed to what URIBL/SURBL list); a domain list (RHSBL) is asked the name the caller chose (HELO, sender domain),
    /// as RFC 5782 §2.2 asks it. Both are hashed when the list says so.
    /// </summary>
    public static string? Of(DnsList list, string normalized, PublicSuffixList suffixes, out string? whyNot)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(suffixes);
        whyNot = null;
        var form = list.Kind == DnsListKind.UriBlockList ? list.DomainForm : DomainQueryForm.FullHostName;
        if (InForm(normalized, form, suffixes) is not { } key)
        {
            whyNot = $"'{normalized}' has no registered domain (it is a public suffix or a single label), and the list is asked registered domains";
            return null;
        }

        return KeyHasher.Apply(key, list);
    }

    /// <summary>Whether <paramref name="list"/> is asked about a host name exactly as given in a direct domain check (no trimming, no hash).</summary>
    public static bool AsksNameAsGiven(DnsList list) =>
        (list.Kind != DnsListKind.UriBlockList || list.DomainForm == DomainQueryForm.FullHostName) && list.KeyHash == KeyHashAlgorithm.None;
}

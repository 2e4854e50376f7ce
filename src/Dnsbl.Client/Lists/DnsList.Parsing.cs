namespace Dnsbl.Client.Lists;

/// <summary>Lists from postscreen's <c>postscreen_dnsbl_sites</c> syntax.</summary>
public sealed partial record DnsList
{
    /// <summary>
    /// Parses one postscreen site, <c>zone[=filter][*weight]</c>, e.g. <c>zen.spamhaus.org=127.0.0.[2..11]*3</c>.
    /// The same zone may be listed several times (separated by commas or white space); its entries become the rules
    /// of the one list, in order. See <see cref="ParseSites"/> for weights and kinds.
    /// </summary>
    /// <param name="spec">The site text.</param>
    /// <param name="kind">The kind of list; a block kind whose every weight is negative becomes the matching allow kind.</param>
    /// <returns>The list.</returns>
    /// <exception cref="FormatException">The text is not one valid site; the message quotes the offending entry.</exception>
    public static DnsList Parse(string spec, DnsListKind kind = DnsListKind.IpBlockList)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var lists = PostscreenSiteParser.Parse(spec, kind);
        return lists.Count == 1
            ? lists[0]
            : throw new FormatException($"Expected one DNSBL site in \"{spec}\", found {lists.Count} zones; use {nameof(ParseSites)} for several.");
    }

    /// <summary>
    /// Parses a <c>postscreen_dnsbl_sites</c> value: entries <c>zone[=filter][*weight]</c> separated by commas and/or
    /// white space. Entries naming the same zone merge into one list whose rules are the entries in order; lists keep
    /// the order in which their zones first appear.
    /// </summary>
    /// <remarks>
    /// The filter uses the syntax of <see cref="ReturnCodeFilter.Parse"/>; no filter matches every listing code.
    /// A weight is a decimal number, negative allowed (<c>*-2</c>); without one an entry weighs +1, or -1 when
    /// <paramref name="kind"/> is an allow kind. As in postscreen, negative weights allow-list: when every weight of
    /// a zone is negative, <see cref="DnsListKind.IpBlockList"/> becomes <see cref="DnsListKind.IpAllowList"/> and
    /// <see cref="DnsListKind.DomainBlockList"/> becomes <see cref="DnsListKind.DomainAllowList"/>. Other kinds and
    /// zones with mixed signs keep <paramref name="kind"/>.
    /// </remarks>
    /// <param name="sites">The value; empty or white space gives no lists.</param>
    /// <param name="kind">The kind of the lists (before the negative-weight rule above).</param>
    /// <returns>The lists, one per distinct zone.</returns>
    /// <exception cref="FormatException">An entry is invalid; the message quotes it and says why.</exception>
    public static IReadOnlyList<DnsList> ParseSites(string sites, DnsListKind kind = DnsListKind.IpBlockList)
    {
        ArgumentNullException.ThrowIfNull(sites);
        return PostscreenSiteParser.Parse(sites, kind);
    }
}

using System.Net;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

/// <summary>How a message is turned into keys: which relays are trusted and how many link domains are asked.</summary>
/// <remarks>Not thread-safe: a settings bag. Fill it before handing it to a client (which takes a snapshot) and do not change it from several threads at once.</remarks>
public sealed class MessageOptions
{
    /// <summary>
    /// Networks whose relays are trusted not to forge Received headers (SpamAssassin's <c>trusted_networks</c>): this
    /// site's relays and trusted forwarders. Walking down from the newest Received header, hops stay trusted while they
    /// come from these networks or authenticated; the first other hop is the last external relay. 127/8 and ::1 are
    /// always trusted. When this and <see cref="InternalNetworks"/> are both empty, trust is inferred as SpamAssassin
    /// does: hops from private addresses and authenticated hops are trusted, up to the first other hop.
    /// </summary>
    /// <value>The default value is empty (inferred trust).</value>
    public IReadOnlyList<IPNetwork> TrustedNetworks { get; init; } = [];

    /// <summary>
    /// This site's own MX and relay networks (SpamAssassin's <c>internal_networks</c>; a subset of the trusted ones). A
    /// trusted hop outside them is "external": lists asking the last external relay ask it. Empty uses
    /// <see cref="TrustedNetworks"/>.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<IPNetwork> InternalNetworks { get; init; } = [];

    /// <summary>
    /// Networks of mail submission agents that accept only this site's users (SpamAssassin's <c>msa_networks</c>): the
    /// hop after one of them is trusted too. Only used when trusted or internal networks are configured.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<IPNetwork> MsaNetworks { get; init; } = [];

    /// <summary>
    /// Headers naming the address a webmail user sent from; each is read as the oldest relay and as an untrusted
    /// address (SpamAssassin's <c>originating_ip_headers</c>). Empty turns it off.
    /// </summary>
    /// <value>The default value is SpamAssassin's list: X-Yahoo-Post-IP, X-Originating-IP, X-Apparently-From, X-SenderIP, X-AOL-IP, X-MS-Exchange-CrossTenant-OriginalAttributedTenantConnectingIp.</value>
    public IReadOnlyList<string> OriginatingIpHeaders { get; init; } = MessageConstants.DefaultOriginatingIpHeaders;

    /// <summary>The most untrusted relays an <see cref="Lists.RelaySelection.AllUntrusted"/> list asks (the oldest ones; SpamAssassin's <c>num_check_received</c>).</summary>
    /// <value>The default value is 9.</value>
    public int MaxCheckedRelays { get; init; } = MessageConstants.DefaultMaxCheckedRelays;

    /// <summary>
    /// Whether reserved and documentation addresses and special-use names (.test, .example...) are asked anyway, for lab
    /// zones and tests; otherwise they are reported as skipped. Private addresses are never asked.
    /// </summary>
    /// <value>The default value is false.</value>
    public bool AskReserved { get; init; }

    /// <summary>Whether the domains of <c>mailto:</c> links and bare e-mail addresses in bodies are asked of URI lists (SpamAssassin's <c>uridnsbl_skip_mailto 0</c>).</summary>
    /// <value>The default value is false.</value>
    public bool IncludeMailtoLinks { get; init; }

    /// <summary>Whether the <c>d=</c> domains of DKIM-Signature and DomainKey-Signature headers are asked of URI lists (SpamAssassin's <c>parse_dkim_uris</c>).</summary>
    /// <value>The default value is true.</value>
    public bool DkimDomainsAsLinks { get; init; } = true;

    /// <summary>The most distinct link domains asked of each URI list; links beyond it are ignored (most relevant first).</summary>
    /// <value>The default value is 20.</value>
    public int MaxUriDomains { get; init; } = MessageConstants.DefaultMaxUriDomains;

    /// <summary>
    /// How many characters of each text part's rendered text the link scan reads (SpamAssassin's
    /// <c>body_part_scan_size</c>): the text is cut a little after it (at the next line break or space within 1,024),
    /// links further on are not asked, and the cut is reported as a <see cref="MessageProblemKind.PartScanLimited"/>
    /// problem. An HTML part's link attributes are read whole. 0 reads every part whole.
    /// </summary>
    /// <value>The default value is 50,000, SpamAssassin's.</value>
    public int BodyPartScanSize { get; init; } = MessageConstants.DefaultBodyPartScanSize;

    /// <summary>
    /// Domains never asked of URI lists (a link host equal to one of them or under it is dropped before the cap is counted).
    /// </summary>
    /// <value>The default value is SpamAssassin's shipped <c>uridnsbl_skip_domain</c> set (25_uribl.cf), embedded in the library.</value>
    public IReadOnlyList<string> SkipDomains { get; init; } = MessageConstants.DefaultSkipDomains;

    /// <summary>
    /// Regular expressions (.NET syntax) that recognise a redirector link and capture its target in group 1, as
    /// SpamAssassin's <c>redirector_pattern</c>: each runs on every http(s) link as SpamAssassin canonicalises it
    /// (scheme and host without user info, %-escapes of printable characters decoded, a '/' before a '?' that follows the
    /// host), in order; the first whose group 1 holds a '.' gives the target, which is then read as a link of the message
    /// (<c>http://</c> assumed when it has no scheme), redirectors in it included. When none matches, the built-in rule
    /// applies: the first <c>http:</c>/<c>https:</c> URL in the link's path or query. Each pattern runs with a time limit.
    /// Modifiers go inline (<c>(?i)</c>). An invalid pattern, or one without group 1, makes a message check throw
    /// <see cref="ArgumentException"/>.
    /// </summary>
    /// <value>The default value is SpamAssassin's 15 shipped patterns (20_uri_tests.cf and 72_active.cf), embedded in the library. Empty leaves only the built-in rule.</value>
    public IReadOnlyList<string> RedirectorPatterns { get; init; } = MessageConstants.DefaultRedirectorPatterns;

    /// <summary>
    /// The Public Suffix List used to find registered domains; load a newer one with
    /// <see cref="PublicSuffixList.LoadFile(string)"/> (e.g. /usr/share/publicsuffix/public_suffix_list.dat).
    /// </summary>
    /// <value>The default value is null: the copy embedded in the library.</value>
    public PublicSuffixList? PublicSuffixes { get; init; }

    /// <summary>Whether <paramref name="address"/> is inside <see cref="TrustedNetworks"/> (or loopback, always trusted).</summary>
    /// <param name="address">The address to test.</param>
    /// <returns><see langword="true"/> when a trusted network contains the address.</returns>
    public bool IsTrusted(IPAddress address) => Contains(TrustedNetworks.Count > 0 ? TrustedNetworks : InternalNetworks, address);

    internal static bool Contains(IReadOnlyList<IPNetwork> networks, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var canonical = AddressClassifier.Canonical(address);
        if (IPAddress.IsLoopback(canonical))
        {
            return true;
        }

        foreach (var network in networks)
        {
            if (network.Contains(canonical))
            {
                return true;
            }
        }

        return false;
    }
}

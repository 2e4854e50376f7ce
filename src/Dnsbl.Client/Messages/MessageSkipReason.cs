namespace Dnsbl.Client.Messages;

/// <summary>Why a key found in a message was not asked of a list.</summary>
public enum MessageSkipReason
{
    /// <summary>A private, loopback or link-local address (RFC 1918, RFC 6598, 127/8, 169.254/16, fe80::/10, ::1): never on a public list.</summary>
    Private,

    /// <summary>A reserved address (multicast, 240/4, unique-local IPv6...; not 198.18/15, which SpamAssassin asks); asked with <see cref="MessageOptions.AskReserved"/>.</summary>
    Reserved,

    /// <summary>A documentation address (RFC 5737, RFC 3849); asked with <see cref="MessageOptions.AskReserved"/>.</summary>
    Documentation,

    /// <summary>A special-use name (.test, .example, .invalid, .localhost, .local, .home.arpa...; RFC 6761); asked with <see cref="MessageOptions.AskReserved"/>.</summary>
    SpecialUseName,

    /// <summary>A link domain on <see cref="MessageOptions.SkipDomains"/>.</summary>
    SkipListed,

    /// <summary>Beyond a cap: <see cref="MessageOptions.MaxUriDomains"/> link hosts, or <see cref="MessageOptions.MaxCheckedRelays"/> relays.</summary>
    OverCap,

    /// <summary>A relay inside the trusted part of the chain (trusted networks, inferred trust, or an authenticated submission).</summary>
    TrustedHop,

    /// <summary>A link kind not asked by default: a <c>mailto:</c> link or a bare e-mail address (see <see cref="MessageOptions.IncludeMailtoLinks"/>).</summary>
    MailAddress,

    /// <summary>
    /// A link name a URI list asks through DNS (<see cref="Lists.DnsList.UriLookup"/>) had nothing to ask: its domain has
    /// no name servers, or the host or name server has no IPv4 address (NXDOMAIN or no such record).
    /// </summary>
    NotResolvable,
}

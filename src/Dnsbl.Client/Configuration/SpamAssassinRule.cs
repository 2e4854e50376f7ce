using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Configuration;

/// <summary>How a SpamAssassin DNS rule finds what it asks the list about.</summary>
internal enum SpamAssassinLookup
{
    /// <summary><c>check_rbl</c>/<c>check_rbl_txt</c>: launches lookups of the set's relays.</summary>
    Relays,

    /// <summary><c>check_rbl_sub</c>: no lookup of its own; tests the answers of its set's lookups.</summary>
    SetSubTest,

    /// <summary><c>check_rbl_envfrom</c>, <c>_from_host</c>, <c>_from_domain</c>, <c>_replyto_host</c>, <c>_headers</c>.</summary>
    Domains,

    /// <summary><c>urirhssub</c>/<c>urirhsbl</c>: the link host names (or their registered domains).</summary>
    Links,
}

/// <summary>Which URIDNSBL keyword defined a <see cref="SpamAssassinLookup.Links"/> rule: what a link is asked as.</summary>
internal enum SpamAssassinUriKind
{
    /// <summary><c>urirhssub</c>/<c>urirhsbl</c>: the link's name (registered domain, or the host with <c>notrim</c>).</summary>
    Names,

    /// <summary><c>uridnssub</c>/<c>uridnsbl</c>: addresses, of the link host (<c>tflags a</c>) or of its domain's name servers (<c>ns</c>, the default).</summary>
    Addresses,

    /// <summary><c>urinsrhssub</c>/<c>urinsrhsbl</c>: the registered domains of the link domain's name servers.</summary>
    NameServerDomains,

    /// <summary><c>urifullnsrhssub</c>/<c>urifullnsrhsbl</c>: the full names of the link domain's name servers.</summary>
    NameServerHosts,
}

/// <summary>A SpamAssassin DNS rule as read (the last definition of a name wins, as in SpamAssassin).</summary>
internal sealed record SpamAssassinRule(string Name, SpamAssassinLookup Lookup, string SetName, SourceLine DefinedAt)
{
    public string? Zone { get; init; }

    public ReturnCodeFilter? Filter { get; init; }

    /// <summary>Set when the rule is a DNS rule that cannot be imported; the reason.</summary>
    public string? Unusable { get; init; }

    /// <summary><c>check_rbl_txt</c>: the list is asked for TXT records only, and <see cref="Filter"/> tests their text.</summary>
    public bool AsksText { get; init; }

    public DomainSources DomainSources { get; init; }

    /// <summary>HashBL <c>check_hashbl_bodyre</c>: the body regex whose matches are asked.</summary>
    public string? BodyPattern { get; init; }

    /// <summary>HashBL: how keys are hashed before they are asked (SpamAssassin's sha1/md5/sha256 options).</summary>
    public KeyHashAlgorithm KeyHash { get; init; }

    public DomainQueryForm DomainForm { get; init; } = DomainQueryForm.FullHostName;

    /// <summary>For <see cref="SpamAssassinLookup.Links"/> rules: the keyword that defined it.</summary>
    public SpamAssassinUriKind UriKind { get; init; }

    /// <summary>Sub-rules (<c>__NAME</c>) are never scored by SpamAssassin; they only feed meta rules.</summary>
    public bool IsSubRule => Name.StartsWith("__", StringComparison.Ordinal);
}

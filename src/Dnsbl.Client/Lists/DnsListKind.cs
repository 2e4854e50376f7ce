namespace Dnsbl.Client.Lists;

/// <summary>What a list holds and how its hits count.</summary>
public enum DnsListKind
{
    /// <summary>A DNSBL of IP addresses (RFC 5782 §2.1, §2.4); hits raise the score.</summary>
    IpBlockList,

    /// <summary>A DNSWL of IP addresses; hits lower the score.</summary>
    IpAllowList,

    /// <summary>An RHSBL of domain names (RFC 5782 §2.2); hits raise the score.</summary>
    DomainBlockList,

    /// <summary>A domain allow list; hits lower the score.</summary>
    DomainAllowList,

    /// <summary>A URI list (SURBL/URIBL/DBL style): the domains of links in a message.</summary>
    UriBlockList,
}

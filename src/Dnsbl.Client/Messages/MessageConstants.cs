namespace Dnsbl.Client.Messages;

/// <summary>Defaults and hard limits for message parsing and key planning.</summary>
internal static class MessageConstants
{
    /// <summary>Default cap on distinct link domains asked per URI list (SpamAssassin's uridnsbl_max_domains is 20).</summary>
    public const int DefaultMaxUriDomains = 20;

    /// <summary>Most bytes of a message read by the parser; the rest is ignored and reported.</summary>
    public const int MaxMessageBytes = 10 * 1024 * 1024;

    /// <summary>Most Received headers kept; a longer chain is a loop or an attack and is cut (reported).</summary>
    public const int MaxReceivedHeaders = 100;

    /// <summary>Most headers of any kind read, so a header-only bomb cannot grow lists without bound.</summary>
    public const int MaxHeaders = 2000;

    /// <summary>Deepest MIME nesting followed; deeper parts are skipped (reported).</summary>
    public const int MaxMimeDepth = 8;

    /// <summary>Most MIME parts visited in one message.</summary>
    public const int MaxMimeParts = 200;

    /// <summary>Most distinct links collected from one message before extraction stops.</summary>
    public const int MaxLinksScanned = 1000;

    /// <summary>
    /// Domains that appear in nearly every HTML message for technical reasons (XML namespaces, DTDs) or are reserved
    /// for examples (RFC 2606); asking URI lists about them wastes queries.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultSkipDomains =
    [
        "w3.org",
        "xmlsoap.org",
        "openxmlformats.org",
        "schemas.microsoft.com",
        "purl.org",
        "example.com",
        "example.net",
        "example.org",
    ];
}

namespace Dnsbl.Client.Messages;

/// <summary>Defaults and hard limits for message parsing and key planning.</summary>
internal static class MessageConstants
{
    /// <summary>Default cap on distinct link domains asked per URI list (SpamAssassin's uridnsbl_max_domains is 20).</summary>
    public const int DefaultMaxUriDomains = 20;

    /// <summary>Default characters of each text part's rendered text scanned for links (SpamAssassin's body_part_scan_size is 50,000).</summary>
    public const int DefaultBodyPartScanSize = 50_000;

    /// <summary>Default cap on untrusted relays asked by an all-untrusted list (SpamAssassin's num_check_received).</summary>
    public const int DefaultMaxCheckedRelays = 9;

    /// <summary>SpamAssassin's shipped originating_ip_headers (10_default_prefs.cf).</summary>
    public static readonly IReadOnlyList<string> DefaultOriginatingIpHeaders =
        ["X-Yahoo-Post-IP", "X-Originating-IP", "X-Apparently-From", "X-SenderIP", "X-AOL-IP", "X-MS-Exchange-CrossTenant-OriginalAttributedTenantConnectingIp"];

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

    /// <summary>How many redirectors deep a link's target is followed (a redirector to a redirector...): bounds hostile nesting.</summary>
    public const int MaxRedirectDepth = 4;

    /// <summary>Most body-pattern keys asked per list and message (SpamAssassin HashBL's default <c>max=10</c>).</summary>
    public const int MaxBodyPatternKeys = 10;

    /// <summary>SpamAssassin's shipped uridnsbl_skip_domain set, read once from the embedded uridnsbl_skip_domain.txt.</summary>
    public static readonly IReadOnlyList<string> DefaultSkipDomains = LoadSkipDomains();

    /// <summary>
    /// SpamAssassin's shipped redirector_pattern lines (20_uri_tests.cf, 72_active.cf) as .NET patterns, read once from the
    /// embedded redirector_pattern.txt.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultRedirectorPatterns = LoadRedirectorPatterns();

    /// <summary>
    /// How long one redirector pattern may run on one link: the shipped ones take microseconds; a configured pattern that
    /// backtracks without bound on a hostile link gives up instead of holding the check.
    /// </summary>
    public static readonly TimeSpan RedirectorMatchTimeout = TimeSpan.FromMilliseconds(100);

    private static string[] LoadRedirectorPatterns() =>
        [.. ReadResourceLines("redirector_pattern.txt").Select(literal => PerlRegexLiteral.ToPattern(literal, out var error)
            ?? throw new InvalidOperationException($"The embedded redirector pattern '{literal}' cannot be read: {error}"))];

    internal static string[] ReadResourceLines(string name)
    {
        using var stream = typeof(MessageConstants).Assembly.GetManifestResourceStream("Dnsbl.Client.Messages." + name)
            ?? throw new InvalidOperationException($"The embedded {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith('#'))];
    }

    private static string[] LoadSkipDomains() => ReadResourceLines("uridnsbl_skip_domain.txt");
}

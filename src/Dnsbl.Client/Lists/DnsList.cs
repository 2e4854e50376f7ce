using System.Runtime.CompilerServices;

namespace Dnsbl.Client.Lists;

/// <summary>
/// A DNS list: its zone, what it holds, how its return codes score and how it is probed. Immutable once built;
/// safe to share between clients and threads. Change settings with <c>with</c>
/// (<c>list with { Zone = "other.example", FetchText = true }</c>): a display name left to its default follows the new
/// zone, redacted.
/// </summary>
/// <remarks>
/// This record is the one definition of a list's settings: configuration binding and <c>DnsblConfigurationJson</c>
/// read its settable properties, so a new setting needs no other list of names. Lists compare by reference, as before
/// they were a record: two lists with the same settings are still two lists, each with its own health and metrics.
/// </remarks>
public sealed partial record DnsList
{
    private readonly string _zone = string.Empty;
    private readonly string _displayZone = string.Empty;
    private readonly string? _name;

    /// <summary>Creates a list for <paramref name="zone"/>.</summary>
    /// <param name="zone">The list's zone, e.g. <c>zen.spamhaus.org</c>; normalised (lower case, no trailing dot, IDN to punycode).</param>
    /// <param name="kind">What the list holds.</param>
    /// <exception cref="ArgumentException">The zone is not a valid domain name; the message says why.</exception>
    public DnsList(string zone, DnsListKind kind = DnsListKind.IpBlockList)
    {
        Zone = zone;
        Kind = kind;
    }

    /// <summary>The normalised zone queries are made under.</summary>
    /// <exception cref="ArgumentException">Set to an invalid domain name; the message says why.</exception>
    public string Zone
    {
        get => _zone;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            _zone = DomainName.NormalizeZone(value);
            _displayZone = ZoneRedactor.Redact(_zone); // a DQS key in the zone must never reach results, logs or metrics
        }
    }

    /// <summary>The zone as results, logs and reports show it: key-looking labels (e.g. a Spamhaus DQS key) replaced by <c>***</c>.</summary>
    public string DisplayZone => _displayZone;

    /// <summary>What the list holds.</summary>
    public DnsListKind Kind { get; init; }

    /// <summary>The name used in results, logs and health reports; secrets (e.g. a DQS key) must not appear in it.</summary>
    /// <value>
    /// The default value is the zone with key-looking labels redacted (<see cref="DisplayZone"/>); setting null or white
    /// space restores that default, which then follows <see cref="Zone"/> through <c>with</c>.
    /// </value>
    public string Name
    {
        get => _name ?? _displayZone;
        init => _name = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>The scoring rules; empty means one rule matching every listing code with weight +1 (block) or -1 (allow).</summary>
    public IReadOnlyList<ReturnCodeRule> Rules { get; init; } = [];

    /// <summary>Codes that mean an operator error or refusal for this list, in addition to 127.255.255.0/24 for every list.</summary>
    public IReadOnlyList<ReturnCodeFilter> ErrorCodes { get; init; } = [];

    /// <summary>Whether a listed answer also fetches the TXT record (the listing reason); moot for <see cref="ListQueryType.Txt"/> lists.</summary>
    public bool FetchText { get; init; }

    /// <summary>Which record type the list is asked for: A (return codes) or TXT only (<c>check_rbl_txt</c> style).</summary>
    /// <value>The default value is <see cref="ListQueryType.A"/>.</value>
    public ListQueryType QueryType { get; init; }

    /// <summary>The longest this list may take in one check; null means the check's deadline only.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Health probe points overriding the RFC 5782 defaults for the list's kind; null means the defaults.</summary>
    public IReadOnlyList<ProbePoint>? ProbePoints { get; init; }

    /// <summary>For domain and URI lists: which form of a host name is asked.</summary>
    /// <value>The default value is <see cref="DomainQueryForm.RegisteredDomain"/>.</value>
    public DomainQueryForm DomainForm { get; init; } = DomainQueryForm.RegisteredDomain;

    /// <summary>For URI lists: whether links to IP literals are looked up (reversed) too.</summary>
    public bool QueriesIpAddresses { get; init; }

    /// <summary>
    /// For URI lists: what a link is asked as: its name, its host's addresses, or its domain's name servers (names or
    /// addresses); ignored by other kinds, as <see cref="QueriesIpAddresses"/> is. A URI list that asks no
    /// <see cref="UriLookupVia.LinkName"/> is not asked in a direct domain check, and one asked only addresses is probed
    /// as an IP list.
    /// </summary>
    /// <value>The default value is <see cref="UriLookupVia.LinkName"/>.</value>
    public UriLookupVia UriLookup { get; init; } = UriLookupVia.LinkName;

    /// <summary>Whether the list's keys are only IP addresses: an IP list, or a URI list asked only about addresses (probed as an IP list).</summary>
    internal bool AsksOnlyAddresses => IsIpList ||
        (Kind == DnsListKind.UriBlockList && (UriLookup & (UriLookupVia.LinkName | UriLookupVia.NameServerNames)) == 0);

    /// <summary>For domain lists in message checks: which domains of the message are asked.</summary>
    /// <value>The default value is <see cref="DomainSources.All"/>.</value>
    public DomainSources DomainSources { get; init; } = DomainSources.All;

    /// <summary>
    /// For domain lists in message checks: a regular expression whose matches in the body text (text part and visible
    /// HTML text) are asked, lower-cased and hashed per <see cref="KeyHash"/>: its first group, or the whole match
    /// (SpamAssassin's HashBL <c>check_hashbl_bodyre</c>, e.g. Bitcoin addresses of bl.btcblack.it). At most
    /// 10 distinct keys per message, in body order. Null (the default) asks no body text.
    /// </summary>
    /// <exception cref="ArgumentException">Set to an expression that is not a valid .NET regular expression.</exception>
    public string? BodyPattern
    {
        get => BodyRegex?.ToString();
        init => BodyRegex = string.IsNullOrEmpty(value) ? null
            : new System.Text.RegularExpressions.Regex(value, System.Text.RegularExpressions.RegexOptions.CultureInvariant, RegexCodeFilter.MatchTimeout);
    }

    /// <summary>The compiled <see cref="BodyPattern"/> (with a match timeout), built once.</summary>
    internal System.Text.RegularExpressions.Regex? BodyRegex { get; private init; }

    /// <summary>For IP lists in message checks: which relays of the Received chain are asked.</summary>
    /// <value>The default value is <see cref="RelaySelection.ConnectingClient"/>.</value>
    public RelaySelection Relays { get; init; } = RelaySelection.ConnectingClient;

    /// <summary>The hash applied to keys before they become a query label.</summary>
    /// <value>The default value is <see cref="KeyHashAlgorithm.None"/>.</value>
    public KeyHashAlgorithm KeyHash { get; init; }

    /// <summary>How a hashed key is written.</summary>
    /// <value>The default value is <see cref="KeyHashEncoding.Hex"/>.</value>
    public KeyHashEncoding KeyHashEncoding { get; init; }

    /// <summary>Characters of the encoded hash kept (0 keeps all).</summary>
    public int KeyHashLength { get; init; }

    /// <summary>Optional query limits per minute and/or per day (<see cref="ListBudget"/>); null (the default) sends without limit.</summary>
    public ListBudget? Budget { get; init; }

    /// <summary>Whether hits lower the score (allow lists).</summary>
    public bool IsAllowList => Kind is DnsListKind.IpAllowList or DnsListKind.DomainAllowList;

    /// <summary>Whether the list is asked about IP addresses (as opposed to domains).</summary>
    public bool IsIpList => Kind is DnsListKind.IpBlockList or DnsListKind.IpAllowList;

    /// <summary>Whether <paramref name="other"/> is this very list (lists compare by reference, see the remarks).</summary>
    /// <param name="other">The list to compare with.</param>
    /// <returns><see langword="true"/> when both are the same instance.</returns>
    public bool Equals(DnsList? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    /// <inheritdoc />
    public override string ToString() => Name;
}

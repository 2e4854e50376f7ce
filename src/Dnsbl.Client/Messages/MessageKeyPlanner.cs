using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Turns a message into the lookups to make: for each configured list, the keys it is asked about and where they came
/// from. Pure: no DNS, no clock. IP lists get relays per <see cref="DnsList.Relays"/>; domain lists get the domains of
/// <see cref="DnsList.DomainSources"/> in <see cref="DnsList.DomainForm"/>; URI lists get link domains (skip list applied,
/// then capped at <see cref="MessageOptions.MaxUriDomains"/> distinct keys) and, when
/// <see cref="DnsList.QueriesIpAddresses"/>, public IP-literal links. Keys are hashed per the list's KeyHash settings.
/// </summary>
internal sealed partial class MessageKeyPlanner
{
    private readonly MessageContext context;
    private readonly MessageOptions options;
    private readonly PublicSuffixList suffixes;
    private readonly List<MessageProblem> problems;
    private readonly List<ReceivedRelay> relays;
    private readonly RelaySelector relaySelector;
    private readonly HashSet<string> skipDomains;
    private List<ExtractedLink>? links;

    private MessageKeyPlanner(MessageContext context, MessageOptions options, PublicSuffixList suffixes)
    {
        this.context = context;
        this.options = options;
        this.suffixes = suffixes;
        problems = [.. context.Problems];
        relays = ReceivedHeaderParser.ParseAll(context.ReceivedHeaders, problems);
        relaySelector = new RelaySelector(context, options, relays);
        skipDomains = new HashSet<string>(StringComparer.Ordinal);
        foreach (var skip in options.SkipDomains)
        {
            if (DomainName.TryNormalize(skip.Trim(), out var normalized, out _))
            {
                skipDomains.Add(normalized);
            }
        }
    }

    /// <summary>Plans the lookups of <paramref name="context"/> against <paramref name="lists"/>.</summary>
    /// <param name="context">The message.</param>
    /// <param name="options">Trusted networks, link cap and skip list.</param>
    /// <param name="lists">The configured lists, in the order lookups should be listed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MessageOptions.MaxUriDomains"/> is negative.</exception>
    public static MessageKeyPlan Plan(MessageContext context, MessageOptions options, IReadOnlyList<DnsList> lists)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxUriDomains, "options.MaxUriDomains");
        var planner = new MessageKeyPlanner(context, options, options.PublicSuffixes ?? PublicSuffixList.Embedded);
        var lookups = new List<MessageLookup>();
        foreach (var list in lists)
        {
            var keysOfList = new HashSet<string>(StringComparer.Ordinal);
            var candidates = list.Kind switch
            {
                DnsListKind.IpBlockList or DnsListKind.IpAllowList => planner.RelayLookups(list),
                DnsListKind.DomainBlockList or DnsListKind.DomainAllowList => planner.DomainLookups(list),
                DnsListKind.UriBlockList => planner.LinkLookups(list),
                _ => [],
            };

            lookups.AddRange(candidates.Where(lookup => keysOfList.Add(lookup.Key)));
        }

        return new MessageKeyPlan(lookups, planner.problems);
    }

    private IEnumerable<MessageLookup> RelayLookups(DnsList list) =>
        relaySelector.Select(list.Relays).Select(hop => new MessageLookup(list, hop.Address.ToString(), hop.Source, hop.Origin, hop.Address));

    /// <summary>The key of <paramref name="host"/> in <paramref name="form"/>, or null when it must not be asked.</summary>
    private string? DomainKey(string host, DomainQueryForm form)
    {
        if (!DomainName.TryNormalize(host.Trim(), out var normalized, out _) || !normalized.Contains('.', StringComparison.Ordinal) ||
            IsReservedName(normalized))
        {
            return null;
        }

        return form switch
        {
            DomainQueryForm.FullHostName => normalized,
            DomainQueryForm.RegisteredDomainIcannOnly => suffixes.GetRegisteredDomain(normalized, icannOnly: true),
            _ => suffixes.GetRegisteredDomain(normalized, icannOnly: false),
        };
    }

    // Special-use names (RFC 2606, RFC 6761, RFC 6762 ".local", RFC 8375 ".home.arpa") never reach public lists.
    private static bool IsReservedName(string name)
    {
        var topLevel = name[(name.LastIndexOf('.') + 1)..];
        return topLevel is "test" or "example" or "invalid" or "localhost" or "local" or "arpa" or "internal" or "lan";
    }
}

using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Configuration;

internal sealed partial class SpamAssassinParser
{
    // __FROM_FMBLA_NDBLOCKED: fresh.fmb.la's "not delegated / blocked" answer (127.255.255.255), named without the underscore.
    private static readonly string[] RefusalSuffixes = ["_BLOCKED", "_BLOCKED_OPENDNS", "_ERROR", "_NDBLOCKED"];

    private readonly HashSet<string> listNames = new(StringComparer.Ordinal);

    // dns_block_rule names the rules that mean "the operator refused this query"; *_BLOCKED/*_ERROR rules mean the same.
    private bool IsRefusalRule(SpamAssassinRule rule) =>
        blockRules.ContainsKey(rule.Name) || RefusalSuffixes.Any(s => rule.Name.EndsWith(s, StringComparison.Ordinal));

    private Dictionary<string, List<ReturnCodeFilter>> ErrorCodesByZone(List<SpamAssassinRule> refusalRules, Dictionary<string, List<string>> zoneOfSet)
    {
        var byZone = new Dictionary<string, List<ReturnCodeFilter>>(StringComparer.Ordinal);
        foreach (var rule in refusalRules)
        {
            var zones = rule.Zone is { } zone ? [zone] : zoneOfSet.GetValueOrDefault(rule.SetName) ?? [];
            if (rule.Filter is null || zones.Count == 0)
            {
                problems.Add(rule.DefinedAt.Problem(rule.Filter is null
                    ? $"{rule.Name} is a refusal rule without a sub-test (every answer would be an error); not imported"
                    : $"{rule.Name} is a refusal rule of set '{rule.SetName}', which no check_rbl asks; not imported"));
                continue;
            }

            foreach (var each in zones)
            {
                var codes = byZone.TryGetValue(each, out var found) ? found : byZone[each] = [];
                if (!codes.Contains(rule.Filter))
                {
                    codes.Add(rule.Filter);
                }
            }

            problems.Add(rule.DefinedAt.Problem(
                $"{rule.Name} is imported as an operator refusal code of {string.Join(", ", zones)} ({rule.Filter}): an error that sets the list's health to refusing, never a listing (SpamAssassin scores it {Format(WeightOf(rule))})"));
        }

        return byZone;
    }

    private string ListKeyOf(SpamAssassinRule rule) => rule.Lookup switch
    {
        SpamAssassinLookup.Links => $"uri|{rule.Zone}|{UriLookupOf(rule)}|{UriFormOf(rule)}|{rule.UriKind == SpamAssassinUriKind.Names && HasFlag(rule.Name, "domains_only")}",
        SpamAssassinLookup.Domains => $"domain|{rule.SetName}|{rule.Zone}|{rule.DomainSources}|{rule.DomainForm}",
        _ => $"ip|{rule.SetName}|{rule.Zone}|{rule.AsksText}",
    };

    private DnsList? BuildList(SpamAssassinRule first, List<SpamAssassinRule> members, Dictionary<string, List<ReturnCodeFilter>> errorCodes, List<DnsList> built)
    {
        var rules = new List<ReturnCodeRule>();
        foreach (var rule in members)
        {
            rules.Add(new ReturnCodeRule(rule.Filter, WeightOf(rule)) { Name = rule.Name });
        }

        var zone = first.Zone!;
        var scored = rules.Where(r => r.Weight != 0).ToList();
        var allows = scored.Count > 0 && scored.TrueForAll(r => r.Weight < 0);
        var kind = first.Lookup switch
        {
            SpamAssassinLookup.Links => DnsListKind.UriBlockList,
            SpamAssassinLookup.Domains => allows ? DnsListKind.DomainAllowList : DnsListKind.DomainBlockList,
            _ => allows ? DnsListKind.IpAllowList : DnsListKind.IpBlockList,
        };
        try
        {
            return new DnsList(zone, kind)
            {
                Name = UniqueName(first, zone),
                Rules = rules,
                ErrorCodes = errorCodes.GetValueOrDefault(zone) ?? [],
                QueryType = first.AsksText ? ListQueryType.Txt : ListQueryType.A,
                Relays = first.Lookup == SpamAssassinLookup.Relays ? RelaysOf(first.SetName) : RelaySelection.ConnectingClient,
                DomainSources = first.Lookup == SpamAssassinLookup.Domains ? first.DomainSources : DomainSources.All,
                BodyPattern = first.BodyPattern,
                KeyHash = first.KeyHash,
                KeyHashEncoding = first.KeyHash == KeyHashAlgorithm.Sha256 ? KeyHashEncoding.Base32 : KeyHashEncoding.Hex,
                DomainForm = first.Lookup switch
                {
                    SpamAssassinLookup.Links => UriFormOf(first),
                    SpamAssassinLookup.Domains => first.DomainForm,
                    _ => DomainQueryForm.RegisteredDomain,
                },
                QueriesIpAddresses = first.Lookup == SpamAssassinLookup.Links && first.UriKind == SpamAssassinUriKind.Names && !HasFlag(first.Name, "domains_only"),
                UriLookup = first.Lookup == SpamAssassinLookup.Links ? UriLookupOf(first) : UriLookupVia.LinkName,
            };
        }
        catch (ArgumentException exception)
        {
            problems.Add(first.DefinedAt.Problem($"{string.Join(", ", members.Select(r => r.Name))} not imported: the zone is not valid: {exception.Message}"));
            return null;
        }
    }

    // Lists are named after the SpamAssassin set (URI lists after the zone); a second list of one name says how it differs.
    private string UniqueName(SpamAssassinRule first, string zone)
    {
        var name = first.Lookup == SpamAssassinLookup.Links && first.UriKind == SpamAssassinUriKind.Names ? zone : first.SetName;
        string[] variants = first.Lookup switch
        {
            SpamAssassinLookup.Links when first.UriKind != SpamAssassinUriKind.Names => [$"{zone} ({Describe(UriLookupOf(first), UriFormOf(first))})"],
            SpamAssassinLookup.Links => [$"{zone} ({(HasFlag(first.Name, "notrim") ? "host" : "domain")}{(HasFlag(first.Name, "domains_only") ? ", domains only" : "")})"],
            _ => [$"{first.SetName}:{zone}", $"{first.SetName}:{zone}{(first.AsksText ? ":txt" : "")}"],
        };
        foreach (var candidate in variants.Prepend(name))
        {
            if (listNames.Add(candidate))
            {
                return candidate;
            }
        }

        for (var n = 2; ; n++)
        {
            if (listNames.Add($"{name}#{n}"))
            {
                return $"{name}#{n}";
            }
        }
    }

    // SpamAssassin's set-name suffixes choose the relays (Plugin::DNSEval _check_rbl_backend); none means every untrusted relay.
    private static RelaySelection RelaysOf(string setName) =>
        setName.EndsWith("-lastexternal", StringComparison.Ordinal) ? RelaySelection.LastExternal
        : setName.EndsWith("-firsttrusted", StringComparison.Ordinal) ? RelaySelection.FirstTrusted
        : setName.EndsWith("-notfirsthop", StringComparison.Ordinal) ? RelaySelection.NotFirstHop
        : RelaySelection.AllUntrusted;
}

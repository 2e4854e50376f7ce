using System.Globalization;

namespace Dnsbl.Client.Lists;

/// <summary>Reads postscreen's <c>zone[=filter][*weight]</c> entries and merges entries of the same zone.</summary>
internal static class PostscreenSiteParser
{
    private static readonly char[] Separators = [',', ' ', '\t', '\r', '\n'];

    public static IReadOnlyList<DnsList> Parse(string sites, DnsListKind kind)
    {
        var zones = new List<string>();
        var rulesByZone = new Dictionary<string, List<ReturnCodeRule>>(StringComparer.Ordinal);
        foreach (var entry in sites.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var (zone, rule) = ParseEntry(entry, kind);
            if (!rulesByZone.TryGetValue(zone, out var rules))
            {
                rules = [];
                rulesByZone.Add(zone, rules);
                zones.Add(zone);
            }

            rules.Add(rule);
        }

        var lists = new List<DnsList>(zones.Count);
        foreach (var zone in zones)
        {
            var rules = rulesByZone[zone];
            lists.Add(new DnsList(zone, KindFor(kind, rules)) { Rules = rules.ToArray() });
        }

        return lists;
    }

    /// <summary>Reads one entry; the filter syntax contains no '*' and a zone no '=' or '*', so the split is unambiguous.</summary>
    public static (string Zone, ReturnCodeRule Rule) ParseEntry(string entry, DnsListKind kind)
    {
        var rest = entry;
        var weight = IsAllowKind(kind) ? -1.0 : 1.0;
        var star = rest.LastIndexOf('*');
        if (star >= 0)
        {
            var weightText = rest[(star + 1)..];
            if (!double.TryParse(weightText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out weight)
                || !double.IsFinite(weight))
            {
                throw Error(entry, $"weight '{weightText}' is not a number");
            }

            rest = rest[..star];
        }

        ReturnCodeFilter? filter = null;
        var equals = rest.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            var filterText = rest[(equals + 1)..];
            if (!ReturnCodeFilterParser.TryParse(filterText, out filter, out var filterError))
            {
                throw Error(entry, $"filter '{filterText}': {filterError}");
            }

            rest = rest[..equals];
        }

        if (!DomainName.TryNormalize(rest, out var zone, out var zoneError))
        {
            throw Error(entry, $"zone '{rest}': {zoneError}");
        }

        return (zone, new ReturnCodeRule(filter, weight));
    }

    private static DnsListKind KindFor(DnsListKind kind, List<ReturnCodeRule> rules)
    {
        if (!rules.TrueForAll(rule => rule.Weight < 0))
        {
            return kind;
        }

        return kind switch
        {
            DnsListKind.IpBlockList => DnsListKind.IpAllowList,
            DnsListKind.DomainBlockList => DnsListKind.DomainAllowList,
            _ => kind,
        };
    }

    private static bool IsAllowKind(DnsListKind kind) => kind is DnsListKind.IpAllowList or DnsListKind.DomainAllowList;

    private static FormatException Error(string entry, string problem) => new($"Invalid DNSBL site \"{entry}\": {problem}.");
}

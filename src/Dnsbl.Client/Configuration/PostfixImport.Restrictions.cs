using Dnsbl.Client.Lists;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Configuration;

internal sealed partial class PostfixImport
{
    private static readonly Dictionary<string, (DnsListKind Kind, DomainSources Sources)> DnsRestrictions =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["reject_rbl_client"] = (DnsListKind.IpBlockList, DomainSources.None),
            ["permit_dnswl_client"] = (DnsListKind.IpAllowList, DomainSources.None),
            ["reject_rhsbl_client"] = (DnsListKind.DomainBlockList, DomainSources.ReverseDns),
            ["reject_rhsbl_reverse_client"] = (DnsListKind.DomainBlockList, DomainSources.ReverseDns),
            ["reject_rhsbl_sender"] = (DnsListKind.DomainBlockList, DomainSources.MailFrom),
            ["reject_rhsbl_helo"] = (DnsListKind.DomainBlockList, DomainSources.Helo),
            ["permit_rhswl_client"] = (DnsListKind.DomainAllowList, DomainSources.ReverseDns),
        };

    private static readonly HashSet<string> UnsupportedRestrictions = new(StringComparer.OrdinalIgnoreCase)
    {
        "reject_rbl", "reject_maps_rbl", "reject_rhsbl_recipient",
    };

    private readonly Dictionary<(string Zone, DnsListKind Kind), SourceLine> restrictionLists = [];
    private bool allowListThresholdSet;

    private void ReadRestrictions(PostfixParameter parameter, DnsblThresholds thresholds)
    {
        var entries = parameter.Entries().ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (UnsupportedRestrictions.Contains(entry.Text))
            {
                problems.Add(entry.Problem($"{entry.Text} is obsolete or has no equivalent here; not imported"));
                continue;
            }

            if (!DnsRestrictions.TryGetValue(entry.Text, out var mapping))
            {
                continue;
            }

            if (i + 1 == entries.Count)
            {
                problems.Add(entry.Problem($"{entry.Text} needs a zone after it"));
                continue;
            }

            var spec = entries[++i];
            if (TryParseEntry(spec, mapping.Kind, out var parsed))
            {
                AddRestrictionList(spec, parsed!, mapping.Sources, thresholds);
            }
        }
    }

    private void AddRestrictionList(SourceLine at, DnsList parsed, DomainSources sources, DnsblThresholds thresholds)
    {
        var kind = parsed.IsAllowList && parsed.IsIpList ? DnsListKind.IpAllowList
            : parsed.IsAllowList ? DnsListKind.DomainAllowList
            : parsed.Kind;
        if (parsed.IsIpList && lists.Exists(l => l.Zone == parsed.Zone && l.IsIpList) && !restrictionLists.ContainsKey((parsed.Zone, kind)))
        {
            problems.Add(at.Problem($"{parsed.Zone} is already imported from postscreen_dnsbl_sites; postscreen's weights are kept"));
            return;
        }

        var weight = parsed.IsAllowList ? AllowWeight(at, thresholds) : thresholds.Reject;
        var rules = parsed.Rules.Select(rule => rule with { Weight = weight }).ToArray();
        var index = lists.FindIndex(l => l.Zone == parsed.Zone && l.Kind == kind);
        if (index < 0)
        {
            lists.Add(new DnsList(parsed.Zone, kind) { Rules = rules, DomainSources = parsed.IsIpList ? DomainSources.All : sources });
            restrictionLists[(parsed.Zone, kind)] = at;
            return;
        }

        var existing = lists[index];
        if (!parsed.IsIpList && (existing.DomainSources & sources) != sources)
        {
            // The same domain list asked about another domain of the message: one list, more sources.
            lists[index] = new DnsList(existing.Zone, kind) { Rules = existing.Rules, DomainSources = existing.DomainSources | sources };
            return;
        }

        problems.Add(at.Problem($"{parsed.Zone} is already imported from line {restrictionLists[(parsed.Zone, kind)].Line}; the first one is kept"));
    }

    private double AllowWeight(SourceLine at, DnsblThresholds thresholds)
    {
        if (thresholds.AllowList is { } allowList)
        {
            return allowList;
        }

        thresholds.AllowList = ScoringConstants.AllowListThreshold;
        if (!allowListThresholdSet)
        {
            allowListThresholdSet = true;
            problems.Add(at.Problem(
                $"a permit needs an allow-list threshold: it is set to {ScoringConstants.AllowListThreshold} (postscreen's allowlist threshold was off)"));
        }

        return ScoringConstants.AllowListThreshold;
    }
}

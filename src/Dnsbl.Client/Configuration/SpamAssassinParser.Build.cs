using System.Text.RegularExpressions;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Configuration;

internal sealed partial class SpamAssassinParser
{
    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex RuleNamePattern();

    public DnsblImportResult Build()
    {
        var lists = new List<DnsList>();
        foreach (var set in sets.Values)
        {
            var list = BuildList(set);
            if (list is not null)
            {
                lists.Add(list);
            }
        }

        foreach (var rule in rules.Where(r => !sets.ContainsKey(r.SetKey)))
        {
            problems.Add(rule.DefinedAt.Problem($"{rule.Name} uses set '{rule.SetKey}', which no check_rbl defines"));
        }

        var dnsRuleNames = rules.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (at, expression) in metas)
        {
            if (RuleNamePattern().Matches(expression).Any(m => dnsRuleNames.Contains(m.Value)))
            {
                problems.Add(at.Problem("meta rules are not supported; the DNS rules it combines are imported on their own"));
            }
        }

        var thresholds = new DnsblThresholds { Reject = requiredScore ?? DefaultRequiredScore, Tag = null, AllowList = null };
        return new DnsblImportResult(lists, thresholds, [.. InFileOrder(problems)]);
    }

    private DnsList? BuildList(SpamAssassinSet set)
    {
        var listRules = new List<ReturnCodeRule>();
        foreach (var rule in rules.Where(r => r.SetKey == set.Key && !r.IsSubRule))
        {
            var weight = WeightOf(rule.Name, out var scoreLine);
            if (weight == 0)
            {
                problems.Add(scoreLine!.Value.Problem($"a score of 0 disables {rule.Name} in SpamAssassin; it is not imported"));
                continue;
            }

            listRules.Add(new ReturnCodeRule(rule.Filter, weight) { Name = rule.Name });
        }

        if (listRules.Count == 0)
        {
            problems.Add(set.DefinedAt.Problem($"'{set.Key}' ({set.Zone}) has no scored rule; no list is imported for it"));
            return null;
        }

        var kind = listRules.TrueForAll(r => r.Weight < 0) ? AllowKindOf(set.Kind) : set.Kind;
        try
        {
            return new DnsList(set.Zone, kind)
            {
                Name = set.Kind == DnsListKind.UriBlockList ? set.Zone.ToLowerInvariant() : set.Key,
                Rules = listRules,
                FetchText = set.FetchText,
                Relays = set.Relays,
                DomainSources = set.DomainSources,
                DomainForm = set.DomainForm,
                QueriesIpAddresses = set.Kind == DnsListKind.UriBlockList && set.QueriesIpAddresses,
            };
        }
        catch (ArgumentException exception)
        {
            problems.Add(set.DefinedAt.Problem($"the zone is not valid: {exception.Message}"));
            return null;
        }
    }

    private double WeightOf(string ruleName, out SourceLine? scoreLine)
    {
        if (scores.TryGetValue(ruleName, out var score))
        {
            scoreLine = score.At;
            return score.Score;
        }

        scoreLine = null;
        return niceRules.Contains(ruleName) ? DefaultNiceScore : DefaultScore;
    }

    private static DnsListKind AllowKindOf(DnsListKind kind) => kind switch
    {
        DnsListKind.IpBlockList => DnsListKind.IpAllowList,
        DnsListKind.DomainBlockList => DnsListKind.DomainAllowList,
        _ => kind,
    };

    private IEnumerable<ImportProblem> InFileOrder(List<ImportProblem> found)
    {
        return found.OrderBy(p => fileOrder.IndexOf(p.FileName ?? string.Empty)).ThenBy(p => p.Line);
    }
}

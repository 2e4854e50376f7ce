using System.Globalization;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Configuration;

internal sealed partial class SpamAssassinParser
{
    private const double DefaultScore = 1.0;
    private const double DefaultTestingScore = 0.01;

    public DnsblImportResult Build()
    {
        var enabled = WithoutRulesThatNeverHit(EnabledRules());
        var refusalRules = enabled.Where(IsRefusalRule).ToList();
        var scoring = enabled.Except(refusalRules).ToList();
        var zoneOfSet = scoring.Concat(refusalRules).Where(r => r.Lookup != SpamAssassinLookup.SetSubTest && r.Zone is not null)
            .GroupBy(r => r.SetName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Zone!).Distinct().ToList(), StringComparer.Ordinal);
        var subRules = SubRulesWithLaunchers(scoring, zoneOfSet);
        var metaRules = ImportMetas(scoring.Concat(subRules.SelectMany(s => s.Value)).Select(r => r.Name).ToHashSet(StringComparer.Ordinal));
        var metaOperands = metaRules.SelectMany(m => m.Operands).ToHashSet(StringComparer.Ordinal);
        var errorCodes = ErrorCodesByZone(refusalRules, zoneOfSet);

        var lists = new List<DnsList>();
        foreach (var group in scoring.Where(r => r.Lookup != SpamAssassinLookup.SetSubTest).GroupBy(ListKeyOf))
        {
            var launchers = group.ToList();
            var members = launchers.Concat(subRules.GetValueOrDefault(launchers[0].SetName) ?? []).ToList();
            if (members.TrueForAll(r => r.IsSubRule && !metaOperands.Contains(r.Name)))
            {
                problems.Add(launchers[0].DefinedAt.Problem(
                    $"{string.Join(", ", members.Select(r => r.Name))} only feed meta rules and no imported meta rule reads them; no list is imported for {launchers[0].Zone}"));
                continue;
            }

            if (BuildList(launchers[0], members, errorCodes, lists) is { } list)
            {
                lists.Add(list);
            }
        }

        var thresholds = new DnsblThresholds { Reject = requiredScore ?? DefaultRequiredScore, Tag = null, AllowList = null };
        var message = new MessageOptions
        {
            MaxUriDomains = maxUriDomains ?? MessageConstants.DefaultMaxUriDomains,
            BodyPartScanSize = bodyPartScanSize ?? MessageConstants.DefaultBodyPartScanSize,
            SkipDomains = skipDomains.Count == 0 ? MessageConstants.DefaultSkipDomains : [.. skipDomains.Distinct(StringComparer.Ordinal)],
            IncludeMailtoLinks = !(skipMailto ?? true), // uridnsbl_skip_mailto is on unless a file turns it off
            RedirectorPatterns = redirectorPatterns.Count == 0 ? MessageConstants.DefaultRedirectorPatterns : [.. redirectorPatterns.Distinct(StringComparer.Ordinal)],
        };
        return new DnsblImportResult(lists, thresholds, [.. InFileOrder(problems)])
        {
            MetaRules = metaRules,
            MessageOptions = message,
            ScoreSet = scoreSet,
        };
    }

    private List<SpamAssassinRule> EnabledRules()
    {
        var enabled = new List<SpamAssassinRule>();
        foreach (var rule in dnsRules.Values)
        {
            if (rule.Unusable is { } reason)
            {
                problems.Add(rule.DefinedAt.Problem($"{rule.Name} is not imported: {reason}"));
            }
            else if (ScoreOf(rule.Name, out var scoreLine) == 0)
            {
                problems.Add((scoreLine ?? rule.DefinedAt).Problem($"{rule.Name} has a score of 0 in score set {scoreSet}, which disables it in SpamAssassin; not imported"));
            }
            else if (rule.Lookup == SpamAssassinLookup.Links && rule.UriKind == SpamAssassinUriKind.Names && HasFlag(rule.Name, "ips_only"))
            {
                problems.Add(rule.DefinedAt.Problem($"{rule.Name} is not imported: tflags ips_only (URI lists asked only about IP-literal links) is not supported"));
            }
            else
            {
                enabled.Add(rule);
            }
        }

        return enabled;
    }

    // check_rbl_sub rules only ever see the answers of their set's check_rbl lookups; without one they never hit.
    private Dictionary<string, List<SpamAssassinRule>> SubRulesWithLaunchers(List<SpamAssassinRule> scoring, Dictionary<string, List<string>> zoneOfSet)
    {
        var bySet = new Dictionary<string, List<SpamAssassinRule>>(StringComparer.Ordinal);
        foreach (var rule in scoring.Where(r => r.Lookup == SpamAssassinLookup.SetSubTest).ToList())
        {
            if (!scoring.Any(r => r.Lookup != SpamAssassinLookup.SetSubTest && r.SetName == rule.SetName))
            {
                problems.Add(rule.DefinedAt.Problem(zoneOfSet.ContainsKey(rule.SetName)
                    ? $"{rule.Name} is not imported: the check_rbl rules of set '{rule.SetName}' are all refusal rules, so no lookup feeds it"
                    : $"{rule.Name} is not imported: no enabled check_rbl rule launches lookups for set '{rule.SetName}'"));
                scoring.Remove(rule);
                continue;
            }

            (bySet.TryGetValue(rule.SetName, out var list) ? list : bySet[rule.SetName] = []).Add(rule);
        }

        return bySet;
    }

    private double ScoreOf(string name, out SourceLine? scoreLine)
    {
        if (scores.TryGetValue(name, out var score))
        {
            scoreLine = score.At;
            return score.Scores[scoreSet];
        }

        // SpamAssassin's default (Conf::Parser fix_tests): 1, 0.01 for T_ rules, negated for tflags nice.
        scoreLine = null;
        var value = name.StartsWith("T_", StringComparison.Ordinal) ? DefaultTestingScore : DefaultScore;
        return HasFlag(name, "nice") ? -value : value;
    }

    private double WeightOf(SpamAssassinRule rule) => rule.IsSubRule ? 0 : ScoreOf(rule.Name, out _);

    private IEnumerable<ImportProblem> InFileOrder(List<ImportProblem> found) =>
        found.OrderBy(p => fileOrder.IndexOf(p.FileName ?? string.Empty)).ThenBy(p => p.Line);

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

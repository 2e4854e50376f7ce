using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Scoring;

/// <summary>
/// Scores many inputs checked against the same lists (a message's links and relays) the way SpamAssassin counts a
/// rule: once per message, however many inputs hit it. Per list, each matched rule adds its weight once, credited to
/// the first outcome (in plan order: most relevant input first) that matched it; under <see cref="ErrorPolicy.Include"/>
/// a failed list adds its included weight once, however many of its lookups failed. A named rule counts once by its
/// name, whichever list matched it (SpamAssassin's rule is one test, even when its set asks several zones); then the
/// meta rules are evaluated over the names that hit.
/// </summary>
internal static class RuleOnceScorer
{
    /// <summary>The score and, per outcome, the rules and weight it contributed (empty/0 when an earlier input already counted them).</summary>
    public static (ScoreResult Result, IReadOnlyList<ReturnCodeRule>[] CountedRules, double[] CountedWeights) Score(
        IReadOnlyList<ListOutcome> outcomes, DnsblThresholds thresholds, ErrorPolicy policy) =>
        Score(outcomes, thresholds, policy, MetaRuleSet.Empty);

    /// <summary>As <see cref="Score(IReadOnlyList{ListOutcome}, DnsblThresholds, ErrorPolicy)"/>, then adds the meta rules that hit.</summary>
    public static (ScoreResult Result, IReadOnlyList<ReturnCodeRule>[] CountedRules, double[] CountedWeights) Score(
        IReadOnlyList<ListOutcome> outcomes, DnsblThresholds thresholds, ErrorPolicy policy, MetaRuleSet metaRules)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(metaRules);
        var counted = new HashSet<(object List, object Rule)>(ReferencePairComparer.Instance);
        var countedNames = new HashSet<string>(StringComparer.Ordinal);
        var failedLists = new HashSet<DnsList>(ReferenceEqualityComparer.Instance);
        var countedRules = new IReadOnlyList<ReturnCodeRule>[outcomes.Count];
        var countedWeights = new double[outcomes.Count];
        var score = 0.0;
        var includedErrorWeight = 0.0;
        var errors = 0;
        for (var index = 0; index < outcomes.Count; index++)
        {
            var outcome = outcomes[index];
            countedRules[index] = [];
            if (outcome.Kind == ListOutcomeKind.Listed)
            {
                var (rules, weight) = CountNewRules(outcome, counted, countedNames);
                countedRules[index] = rules;
                countedWeights[index] = weight;
                score = Weights.Add(score, weight);
            }
            else if (outcome.Kind == ListOutcomeKind.Error)
            {
                errors++;
                if (policy == ErrorPolicy.Include && failedLists.Add(outcome.List))
                {
                    includedErrorWeight = Weights.Add(includedErrorWeight, Scorer.IncludedWeightOf(outcome.List));
                }
            }
        }

        score = Weights.Add(score, includedErrorWeight);
        IReadOnlyList<MetaRuleHit>? metaHits = null;
        if (!metaRules.IsEmpty)
        {
            (var metaWeight, metaHits) = metaRules.Evaluate(countedNames);
            score = Weights.Add(score, metaWeight);
        }

        var result = new ScoreResult(score, Scorer.Decide(score, errors > 0, thresholds, policy), includedErrorWeight, errors, metaHits);
        return (result, countedRules, countedWeights);
    }

    private static (IReadOnlyList<ReturnCodeRule> Rules, double Weight) CountNewRules(ListOutcome outcome, HashSet<(object, object)> counted, HashSet<string> countedNames)
    {
        // A listing always matches a rule; should one arrive without, the list itself stands for its single rule.
        if (outcome.MatchedRules.Count == 0)
        {
            return counted.Add((outcome.List, outcome.List)) ? ([], outcome.Weight) : ([], 0);
        }

        List<ReturnCodeRule>? rules = null;
        var weight = 0.0;
        foreach (var rule in outcome.MatchedRules)
        {
            if (rule.Name is { } name ? countedNames.Add(name) : counted.Add((outcome.List, rule)))
            {
                (rules ??= []).Add(rule);
                weight = Weights.Add(weight, rule.Weight);
            }
        }

        return (rules ?? (IReadOnlyList<ReturnCodeRule>)[], weight);
    }

    // Rules are records (value equality); two equal rules of one list are still two rules, so identity decides.
    private sealed class ReferencePairComparer : IEqualityComparer<(object List, object Rule)>
    {
        public static readonly ReferencePairComparer Instance = new();

        public bool Equals((object List, object Rule) x, (object List, object Rule) y) =>
            ReferenceEquals(x.List, y.List) && ReferenceEquals(x.Rule, y.Rule);

        public int GetHashCode((object List, object Rule) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.List), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Rule));
    }
}

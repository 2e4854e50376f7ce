using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Scoring;

/// <summary>
/// Pure scoring: outcomes → score → verdict. Listed outcomes add their weight; under <see cref="ErrorPolicy.Include"/>
/// a failed block list adds its first rule's weight (+1 with no rules) and a failed allow list adds nothing, so an
/// outage can never allow-list. Sums are rounded to nine decimals (<see cref="Weights"/>). Allocates nothing.
/// </summary>
internal static class Scorer
{
    public static ScoreResult Score(IReadOnlyList<ListOutcome> outcomes, DnsblThresholds thresholds, ErrorPolicy policy) =>
        Score(outcomes, thresholds, policy, MetaRuleSet.Empty);

    /// <summary>Scores the outcomes, then adds the weight of every meta rule that hits over the named rules that matched.</summary>
    public static ScoreResult Score(IReadOnlyList<ListOutcome> outcomes, DnsblThresholds thresholds, ErrorPolicy policy, MetaRuleSet metaRules)
    {
        ArgumentNullException.ThrowIfNull(metaRules);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(thresholds);
        var score = 0.0;
        var includedErrorWeight = 0.0;
        var errors = 0;
        for (var index = 0; index < outcomes.Count; index++)
        {
            var outcome = outcomes[index];
            switch (outcome.Kind)
            {
                case ListOutcomeKind.Listed:
                    score = Weights.Add(score, outcome.Weight);
                    break;
                case ListOutcomeKind.Error:
                    errors++;
                    if (policy == ErrorPolicy.Include)
                    {
                        includedErrorWeight = Weights.Add(includedErrorWeight, IncludedWeightOf(outcome.List));
                    }

                    break;
            }
        }

        score = Weights.Add(score, includedErrorWeight);
        IReadOnlyList<MetaRuleHit>? metaHits = null;
        if (!metaRules.IsEmpty)
        {
            (var metaWeight, metaHits) = metaRules.Evaluate(RuleHits(outcomes));
            score = Weights.Add(score, metaWeight);
        }

        return new ScoreResult(score, Decide(score, errors > 0, thresholds, policy), includedErrorWeight, errors, metaHits);
    }

    /// <summary>The names of the named rules that matched in listed outcomes: the operands meta rules read.</summary>
    public static HashSet<string> RuleHits(IReadOnlyList<ListOutcome> outcomes)
    {
        var hits = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            if (outcome.Kind != ListOutcomeKind.Listed)
            {
                continue;
            }

            foreach (var rule in outcome.MatchedRules)
            {
                if (rule.Name is { } name)
                {
                    hits.Add(name);
                }
            }
        }

        return hits;
    }

    /// <summary>
    /// The verdict: allow-listed first (it short-circuits everything), then reject, then defer when a list failed
    /// under <see cref="ErrorPolicy.Defer"/>, then tag, else accept.
    /// </summary>
    public static DnsblVerdict Decide(double score, bool anyError, DnsblThresholds thresholds, ErrorPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.AllowList is { } allowList && score <= allowList)
        {
            return DnsblVerdict.AllowListed;
        }

        if (score >= thresholds.Reject)
        {
            return DnsblVerdict.Reject;
        }

        if (policy == ErrorPolicy.Defer && anyError)
        {
            return DnsblVerdict.Defer;
        }

        return thresholds.Tag is { } tag && score >= tag ? DnsblVerdict.Tag : DnsblVerdict.Accept;
    }

    /// <summary>What a failed list counts for under <see cref="ErrorPolicy.Include"/>: never anything for an allow list.</summary>
    public static double IncludedWeightOf(DnsList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (list.IsAllowList)
        {
            return 0;
        }

        return list.Rules.Count > 0 ? list.Rules[0].Weight : CodeMatcher.DefaultBlockRule.Weight;
    }
}

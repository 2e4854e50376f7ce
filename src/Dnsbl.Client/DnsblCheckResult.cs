namespace Dnsbl.Client;

/// <summary>The result of one check: score, verdict and what every list said. Immutable.</summary>
public sealed class DnsblCheckResult
{
    /// <summary>The input checked, as given (normalised).</summary>
    public required string Input { get; init; }

    /// <summary>The sum of the weights of every matching rule (allow lists weigh negative).</summary>
    public required double Score { get; init; }

    /// <summary>The verdict of <see cref="Score"/> against the thresholds and the error policy.</summary>
    public required DnsblVerdict Verdict { get; init; }

    /// <summary>What every configured list of the input's kind said, in configuration order.</summary>
    public required IReadOnlyList<ListOutcome> Lists { get; init; }

    /// <summary>False when the deadline passed before every list answered; see <see cref="MissingLists"/>.</summary>
    public bool IsComplete => MissingLists.Count == 0;

    /// <summary>The names of the lists that had not answered by the deadline.</summary>
    public IReadOnlyList<string> MissingLists { get; init; } = [];

    /// <summary>
    /// True when the check ran without some of its lists: skipped (disabled by health or an operator, or the list's circuit
    /// is open) or not answered by the deadline. A clean verdict then may be a fail-open accept; see <see cref="Explain"/>.
    /// </summary>
    public bool IsDegraded => !IsComplete || Lists.Any(o => o.Kind == ListOutcomeKind.Skipped);

    /// <summary>How long the check took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The meta rules (<see cref="DnsblOptions.MetaRules"/>) that hit; their weights are in the score.</summary>
    public IReadOnlyList<Scoring.MetaRuleHit> MetaHits { get; init; } = [];

    /// <summary>One line per matched rule, error (with what the policy made of it) and skipped list, then the score and verdict.</summary>
    public IEnumerable<string> Explain() =>
        Scoring.ScoreExplainer.Explain(Lists, new Scoring.ScoreResult(Score, Verdict, 0, 0, MetaHits), ErrorPolicy);

    /// <summary>The error policy the verdict was reached under, so the explanation can say what errors counted.</summary>
    internal ErrorPolicy ErrorPolicy { get; init; }
}

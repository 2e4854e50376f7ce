using Dnsbl.Client.Lists;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Messages;

/// <summary>What one list said about one key of a message (a link domain, a relay, the HELO name...), and where the key came from. Immutable.</summary>
public sealed class MessageLookupOutcome
{
    /// <summary>The list's answer for the key; <see cref="ListOutcome.Input"/> is the key as asked (hashed keys stay hashed).</summary>
    public required ListOutcome Outcome { get; init; }

    /// <summary>Where in the message the key came from.</summary>
    public required MessageKeySource Source { get; init; }

    /// <summary>The raw link, Received header or session value the key was taken from.</summary>
    public required string Origin { get; init; }

    /// <summary>
    /// The matched rules whose weight this lookup added. A rule counts once per message: when an earlier (more relevant)
    /// key of the same list already matched it, it is left out here although <see cref="ListOutcome.MatchedRules"/> has it.
    /// </summary>
    public IReadOnlyList<ReturnCodeRule> CountedRules { get; init; } = [];

    /// <summary>What this lookup added to the message's score (the sum of <see cref="CountedRules"/>).</summary>
    public double CountedWeight { get; init; }

    /// <summary>The list asked.</summary>
    public DnsList List => Outcome.List;

    /// <summary>What the list said.</summary>
    public ListOutcomeKind Kind => Outcome.Kind;

    /// <summary>Explanation lines: one per matched rule (counted or already counted), or one for an error or skip.</summary>
    /// <returns>The lines; none when the key was not listed.</returns>
    public IEnumerable<string> Explain()
    {
        var from = $"{Outcome.Input} from {Source} {MessageExplanation.Shorten(Origin)}";
        switch (Outcome.Kind)
        {
            case ListOutcomeKind.Listed:
                var codes = string.Join(", ", Outcome.Codes);
                foreach (var rule in Outcome.MatchedRules)
                {
                    var effect = CountedRules.Contains(rule) ? ScoreExplainer.FormatWeight(rule.Weight) : "already counted";
                    yield return $"{List.Name} listed {from} ({codes}) (rule {ScoreExplainer.RuleName(rule)}) {effect}";
                }

                if (Outcome.MatchedRules.Count == 0)
                {
                    yield return $"{List.Name} listed {from} ({codes}) {ScoreExplainer.FormatWeight(CountedWeight)}";
                }

                break;
            case ListOutcomeKind.Error:
                yield return $"{List.Name} error {Outcome.Error} for {from}{(Outcome.ErrorDetail is null ? "" : $": {Outcome.ErrorDetail}")}";
                break;
            case ListOutcomeKind.Skipped:
                yield return $"{List.Name} skipped {from}: {Outcome.SkipReason}";
                break;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Outcome} (from {Source} {MessageExplanation.Shorten(Origin)})";
}

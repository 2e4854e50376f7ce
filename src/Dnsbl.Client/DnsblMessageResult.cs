using Dnsbl.Client.Messages;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client;

/// <summary>
/// The result of a message check: one score and verdict over every key of the message (relays, HELO and sender
/// domains, link domains), what every list said about every key and where each key came from. Each matching rule of a
/// list counts once per message, however many keys hit it (as a SpamAssassin rule fires once). Immutable.
/// </summary>
public sealed class DnsblMessageResult
{
    /// <summary>The sum of the weights of every rule matched by at least one key (allow lists weigh negative), plus what the error policy adds.</summary>
    public required double Score { get; init; }

    /// <summary>The verdict of <see cref="Score"/> against the thresholds and the error policy.</summary>
    public required DnsblVerdict Verdict { get; init; }

    /// <summary>Every lookup made: per list (configuration order), per key (most relevant first), with its source and origin.</summary>
    public required IReadOnlyList<MessageLookupOutcome> Lookups { get; init; }

    /// <summary>
    /// Every key found in the message and not asked, with the reason (trusted hop, private or reserved address,
    /// special-use name, skip-listed link, over a cap, mail address): "not asked" is never confused with "clean".
    /// </summary>
    public IReadOnlyList<MessageSkippedKey> SkippedKeys { get; init; } = [];

    /// <summary>Problems met while reading the message and its Received chain (malformed headers, bad encodings...).</summary>
    public IReadOnlyList<MessageProblem> Problems { get; init; } = [];

    /// <summary>False when the deadline passed before every lookup answered; see <see cref="MissingLists"/>.</summary>
    public bool IsComplete => MissingLists.Count == 0;

    /// <summary>The names of the lists with at least one lookup that had not answered by the deadline (each once).</summary>
    public IReadOnlyList<string> MissingLists { get; init; } = [];

    /// <summary>
    /// True when the check ran without some of its lists: skipped (disabled by health or an operator, or the list's circuit
    /// is open) or not answered by the deadline. A clean verdict then may be a fail-open accept; see <see cref="Explain"/>.
    /// </summary>
    public bool IsDegraded => !IsComplete || Lookups.Any(l => l.Outcome.Kind == ListOutcomeKind.Skipped);

    /// <summary>How long the check took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The meta rules (<see cref="DnsblOptions.MetaRules"/>) that hit; their weights are in the score.</summary>
    public IReadOnlyList<Scoring.MetaRuleHit> MetaHits { get; init; } = [];

    /// <summary>
    /// One line per matched rule of every listed key (saying where the key came from, and "already counted" when an
    /// earlier key of the list matched the rule), per error and per skip; then one per message problem; then the total.
    /// </summary>
    /// <returns>The lines, for logs and headers.</returns>
    public IEnumerable<string> Explain()
    {
        foreach (var lookup in Lookups)
        {
            foreach (var line in lookup.Explain())
            {
                yield return line;
            }
        }

        foreach (var skip in SkippedKeys)
        {
            yield return $"not asked {skip}";
        }

        foreach (var problem in Problems)
        {
            yield return $"problem {problem.Kind}: {MessageExplanation.Shorten(problem.Detail)}";
        }

        foreach (var hit in MetaHits)
        {
            yield return ScoreExplainer.MetaLine(hit);
        }

        yield return $"score {ScoreExplainer.FormatWeight(Score)}: {Verdict}{(IsComplete ? "" : $" (incomplete: {string.Join(", ", MissingLists)})")}";
    }
}

using System.Globalization;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Scoring;

/// <summary>
/// Explains a score in lines for logs and headers, e.g. <c>zen.spamhaus.org listed 127.0.0.2 (rule 127.0.0.[2..11]) +3</c>.
/// One line per matched rule, per error (with whether the policy counted it) and per skipped list; not-listed
/// outcomes are left out; a last line gives the total and the verdict.
/// </summary>
internal static class ScoreExplainer
{
    public static IReadOnlyList<string> Explain(IReadOnlyList<ListOutcome> outcomes, ScoreResult result, ErrorPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var lines = new List<string>();
        foreach (var outcome in outcomes)
        {
            switch (outcome.Kind)
            {
                case ListOutcomeKind.Listed:
                    AddListed(lines, outcome);
                    break;
                case ListOutcomeKind.Error:
                    lines.Add($"{outcome.List.Name} error {outcome.Error}{Detail(outcome.ErrorDetail)} for {outcome.Input}: {ErrorEffect(outcome.List, policy)}");
                    break;
                case ListOutcomeKind.Skipped:
                    lines.Add($"{outcome.List.Name} skipped{Detail(outcome.SkipReason)}");
                    break;
            }
        }

        foreach (var hit in result.MetaHits ?? [])
        {
            lines.Add(MetaLine(hit));
        }

        lines.Add($"score {FormatWeight(result.Score)}: {result.Verdict}");
        return lines;
    }

    /// <summary>The line of a meta rule that hit, e.g. <c>meta RCVD_IN_MSPIKE_BL +0.01</c>.</summary>
    public static string MetaLine(MetaRuleHit hit) => $"meta {hit.Name} {FormatWeight(hit.Weight)}";

    /// <summary>A weight with its sign, in invariant culture (<c>+3</c>, <c>-0.5</c>, <c>0</c>).</summary>
    public static string FormatWeight(double weight) =>
        weight.ToString("+0.#########;-0.#########;0", CultureInfo.InvariantCulture);

    /// <summary>The name a rule goes by: its own name, else its filter text, else <c>any</c>.</summary>
    public static string RuleName(ReturnCodeRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Name ?? rule.Filter?.ToString() ?? ReturnCodeFilter.Any.ToString();
    }

    private static void AddListed(List<string> lines, ListOutcome outcome)
    {
        var codes = outcome.Codes.Count == 0 ? outcome.Input : string.Join(", ", outcome.Codes);
        if (outcome.MatchedRules.Count == 0)
        {
            lines.Add($"{outcome.List.Name} listed {codes} {FormatWeight(outcome.Weight)}");
            return;
        }

        foreach (var rule in outcome.MatchedRules)
        {
            lines.Add($"{outcome.List.Name} listed {codes} (rule {RuleName(rule)}) {FormatWeight(rule.Weight)}");
        }
    }

    private static string ErrorEffect(DnsList list, ErrorPolicy policy) => policy switch
    {
        ErrorPolicy.Include when list.IsAllowList => "not counted (allow-list errors are never included)",
        ErrorPolicy.Include => $"counted as listed {FormatWeight(Scorer.IncludedWeightOf(list))} (error policy Include)",
        ErrorPolicy.Defer => "not counted; defers unless rejected (error policy Defer)",
        _ => "not counted (error policy Exclude)",
    };

    private static string Detail(string? detail) => detail is null ? "" : $" ({detail})";
}

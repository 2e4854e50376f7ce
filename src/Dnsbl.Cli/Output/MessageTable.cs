using System.Globalization;
using Dnsbl.Client;
using Spectre.Console;

namespace Dnsbl.Cli.Output;

/// <summary>A message check as a table: one row per lookup (list, where the key came from, key, outcome, what it added), then the problems.</summary>
internal static class MessageTable
{
    private const int OriginWidth = 60;

    public static void Write(IAnsiConsole console, string input, DnsblMessageResult result, ThresholdsJson thresholds)
    {
        console.WriteLine(thresholds.ToText());
        var title = $"{Markup.Escape(input)}: score {result.Score.ToString("0.##", CultureInfo.InvariantCulture)}, {result.Verdict}{(result.IsComplete ? "" : " (incomplete)")}";
        var table = new Table().Title(title);
        table.AddColumns("List", "Source", "Key", "Origin", "Outcome", "Codes", "Weight");
        foreach (var lookup in result.Lookups)
        {
            var outcome = lookup.Outcome;
            table.AddRow(
                Markup.Escape(outcome.List.Name),
                lookup.Source.ToString(),
                Markup.Escape(outcome.Input),
                Markup.Escape(Shorten(lookup.Origin)),
                Markup.Escape(OutcomeText(lookup)),
                Markup.Escape(string.Join(" ", outcome.Codes)),
                lookup.CountedWeight == 0 ? "" : lookup.CountedWeight.ToString("0.##", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        foreach (var problem in result.Problems)
        {
            console.WriteLine($"problem {problem.Kind}: {problem.Detail}");
        }
    }

    private static string OutcomeText(Client.Messages.MessageLookupOutcome lookup) => lookup.Kind switch
    {
        ListOutcomeKind.Listed when lookup.CountedRules.Count == 0 && lookup.Outcome.MatchedRules.Count > 0 => "listed (already counted)",
        ListOutcomeKind.Listed => "listed",
        ListOutcomeKind.Error => $"error {lookup.Outcome.Error}",
        ListOutcomeKind.Skipped => $"skipped: {lookup.Outcome.SkipReason}",
        _ => "not listed",
    };

    private static string Shorten(string origin)
    {
        var folded = string.Join(' ', origin.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return folded.Length <= OriginWidth ? folded : string.Concat(folded.AsSpan(0, OriginWidth), "…");
    }
}

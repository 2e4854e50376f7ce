using Dnsbl.Client;
using Spectre.Console;

namespace Dnsbl.Cli.Output;

/// <summary>Check results as a table per input: list, outcome, codes, weight, latency.</summary>
internal static class CheckTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<DnsblCheckResult> results)
    {
        foreach (var result in results)
        {
            var table = new Table().Title($"{Markup.Escape(result.Input)}: score {result.Score:0.##}, {VerdictMarkup(result.Verdict)}{(result.IsComplete ? "" : " (incomplete)")}");
            table.AddColumns("List", "Outcome", "Codes", "Weight", "Detail", "ms");
            foreach (var outcome in result.Lists)
            {
                table.AddRow(
                    Markup.Escape(outcome.List.Name),
                    OutcomeMarkup(outcome.Kind),
                    Markup.Escape(string.Join(" ", outcome.Codes)),
                    outcome.Weight == 0 ? "" : outcome.Weight.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(Detail(outcome)),
                    outcome.FromCache ? "cache" : outcome.Latency.TotalMilliseconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
            }

            console.Write(table);
        }
    }

    private static string Detail(ListOutcome outcome) => outcome.Kind switch
    {
        ListOutcomeKind.Error => $"{outcome.Error}: {outcome.ErrorDetail}",
        ListOutcomeKind.Skipped => outcome.SkipReason ?? "",
        _ => string.Join(" ", outcome.Text),
    };

    private static string OutcomeMarkup(ListOutcomeKind kind) => kind switch
    {
        ListOutcomeKind.Listed => "[red]listed[/]",
        ListOutcomeKind.Error => "[yellow]error[/]",
        ListOutcomeKind.Skipped => "[grey]skipped[/]",
        _ => "[green]not listed[/]",
    };

    private static string VerdictMarkup(DnsblVerdict verdict) => verdict switch
    {
        DnsblVerdict.Reject => "[red]reject[/]",
        DnsblVerdict.Tag => "[yellow]tag[/]",
        DnsblVerdict.AllowListed => "[green]allow-listed[/]",
        DnsblVerdict.Defer => "[yellow]defer[/]",
        _ => "[green]accept[/]",
    };
}

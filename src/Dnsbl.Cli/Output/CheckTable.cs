using Dnsbl.Client;
using Spectre.Console;

namespace Dnsbl.Cli.Output;

/// <summary>Check results as a table per input (list, outcome, codes, weight, latency) under one line naming the thresholds.</summary>
internal static class CheckTable
{
    public static void Write(IAnsiConsole console, IEnumerable<DnsblCheckResult> results, ThresholdsJson thresholds)
    {
        console.WriteLine(thresholds.ToText());
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
                    Markup.Escape(Detail(outcome, result.Input)),
                    outcome.FromCache ? "cache" : outcome.Latency.TotalMilliseconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
            }

            console.Write(table);
        }
    }

    /// <summary>The <c>check -f</c> lines that were not judged: where, what, why.</summary>
    public static void WriteInputErrors(IAnsiConsole console, IReadOnlyList<Commands.CheckedInput> notJudged)
    {
        if (notJudged.Count == 0)
        {
            return;
        }

        var table = new Table().Title("[yellow]Not judged (input errors)[/]");
        table.AddColumns("Where", "Input", "Problem");
        foreach (var item in notJudged)
        {
            table.AddRow(Markup.Escape(item.Input.Where ?? ""), Markup.Escape(item.Input.Text), Markup.Escape(item.InputError ?? ""));
        }

        console.Write(table);
    }

    // A list asked another key than the input (a URI list's registered domain, a hash) says which, so a reader sees
    // what reached the list.
    private static string Detail(ListOutcome outcome, string input)
    {
        var detail = outcome.Kind switch
        {
            ListOutcomeKind.Error => $"{outcome.Error}: {outcome.ErrorDetail}",
            ListOutcomeKind.Skipped => outcome.SkipReason ?? "",
            _ => string.Join(" ", outcome.Text),
        };
        if (outcome.Kind == ListOutcomeKind.Skipped || outcome.Input.Length == 0 || string.Equals(outcome.Input, input, StringComparison.OrdinalIgnoreCase))
        {
            return detail;
        }

        return detail.Length == 0 ? $"asked {outcome.Input}" : $"asked {outcome.Input}; {detail}";
    }

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

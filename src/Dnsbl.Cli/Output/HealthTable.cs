using Dnsbl.Client.Health;
using Spectre.Console;

namespace Dnsbl.Cli.Output;

/// <summary>The health report as a table: list, state, enabled, reason.</summary>
internal static class HealthTable
{
    public static void Write(IAnsiConsole console, DnsblHealthReport report)
    {
        var table = new Table().Title("List health");
        table.AddColumns("List", "State", "Enabled", "Reason");
        foreach (var list in report.Lists)
        {
            var state = list.State == ListHealthState.Healthy ? $"[green]{list.State}[/]" : $"[red]{list.State}[/]";
            table.AddRow(Markup.Escape(list.Name), state, list.Enabled ? "yes" : "[red]no[/]", Markup.Escape(list.Reason));
        }

        console.Write(table);
    }
}

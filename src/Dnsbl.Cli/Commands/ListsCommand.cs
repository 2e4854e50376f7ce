using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dnsbl.Cli.Output;
using Dnsbl.Client.Catalogue;
using Dnsbl.Client.Lists;
using Spectre.Console;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// <c>dnsbl lists [--json]</c>: the catalogue — each list's name (for <c>--list</c>), zone, kind, return codes with their
/// rule names and default weights, and the operator's terms of use.
/// </summary>
internal static class ListsCommand
{

    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Write JSON (camelCase) instead of a table." };
        var command = new Command("lists", "Print the catalogue of well-known lists: name, zone, kind, codes, default weights, terms of use.") { json };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, parsed.GetValue(json), cancellationToken));
        return command.WithExamples(
            "dnsbl lists",
            "dnsbl lists --json | jq -r '.[] | select(.kind == \"ipBlockList\") | .name'",
            "dnsbl check 192.0.2.99 --list spamhaus-zen --list dnswl");
    }

    internal static async Task<int> RunAsync(CliConsole console, bool json, CancellationToken cancellationToken)
    {
        var thresholds = ThresholdsJson.From(DnsblCatalogue.SuggestedThresholds);
        if (json)
        {
            var entries = DnsblCatalogue.Entries.Select(e => new CatalogueEntryJson(
                e.Name, e.List.Zone, e.List.Kind, [.. e.List.Rules.Select(r => new CatalogueRuleJson(Codes(r), r.Name, r.Weight))],
                [.. e.List.ErrorCodes.Select(c => c.ToString())], e.RequiresKey, e.Terms, e.Description, e.WeightSource, e.Website.ToString()));
            await console.Output.WriteLineAsync(JsonSerializer.Serialize(entries.ToArray(), JsonNames.Options).AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Clean;
        }

        var table = new Table().Title("DNS list catalogue (use a name with --list)");
        table.AddColumns("Name", "Zone", "Kind", "Codes", "Weight", "Terms of use");
        foreach (var entry in DnsblCatalogue.Entries)
        {
            // One row per rule, the list's own columns on its first row.
            var rules = entry.List.Rules.Count > 0 ? entry.List.Rules : [new ReturnCodeRule(null, 1)];
            for (var i = 0; i < rules.Count; i++)
            {
                var first = i == 0;
                table.AddRow(
                    first ? Markup.Escape(entry.Name + (entry.RequiresKey ? " (needs a key)" : "")) : "",
                    first ? Markup.Escape(entry.List.Zone) : "",
                    first ? entry.List.Kind.ToString() : "",
                    Markup.Escape(rules[i].Name is { } name ? $"{Codes(rules[i])} {name}" : Codes(rules[i])),
                    rules[i].Weight.ToString("0.####", CultureInfo.InvariantCulture),
                    first ? Markup.Escape(entry.Terms) : "");
            }
        }

        var tables = console.CreateTableConsole();
        tables.Write(table);
        tables.WriteLine($"Weights are on SpamAssassin's scale; with catalogue lists 'dnsbl check' defaults to {thresholds.ToText().ToLowerInvariant()}.");
        return ExitCodes.Clean;
    }

    private static string Codes(ReturnCodeRule rule) => rule.Filter?.ToString() ?? "any";
}

/// <summary>One catalogue list in JSON.</summary>
internal sealed record CatalogueEntryJson(
    string Name, string Zone, DnsListKind Kind, IReadOnlyList<CatalogueRuleJson> Rules, IReadOnlyList<string> ErrorCodes, bool RequiresKey,
    string Terms, string Description, string WeightSource, string Website);

/// <summary>One return-code rule of a catalogue list: the codes it matches, its name and its default weight.</summary>
internal sealed record CatalogueRuleJson(string Codes, string? Name, double Weight);

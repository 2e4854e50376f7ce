using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dnsbl.Client.Configuration;

namespace Dnsbl.Client.IntegrationTests.SpamAssassinOracle;

/// <summary>The corpus through both sides: per message, SpamAssassin's DNS-rule hits and queries against the library's.</summary>
internal sealed record OracleRun(IReadOnlyList<OracleComparison> Comparisons, TimeSpan SpamAssassinTime, TimeSpan LibraryTime, int ImportedLists, int ImportProblems)
{
    public static async Task<OracleRun> RunAsync(OracleHarness harness, IReadOnlyList<string> corpusFiles, CancellationToken cancellationToken)
    {
        var input = OracleSite.ImporterInput(harness.Rbldnsd.EndPoint.Port);
        var imported = SpamAssassinImporter.Import(input);
        var dnsRules = DnsRuleCatalog.Read(input);
        var comparisons = new List<OracleComparison>();
        var spamAssassinTime = new Stopwatch();
        var libraryTime = new Stopwatch();
        foreach (var path in corpusFiles)
        {
            spamAssassinTime.Start();
            var (verdict, spamAssassinQueries) = await harness.AskSpamAssassinAsync(path, cancellationToken);
            spamAssassinTime.Stop();
            libraryTime.Start();
            var (result, libraryQueries) = await harness.AskLibraryAsync(path, imported, cancellationToken);
            libraryTime.Stop();

            var libraryHits = result.Lookups
                .Where(l => l.Kind == ListOutcomeKind.Listed)
                .SelectMany(l => l.Outcome.MatchedRules)
                .Where(rule => rule.Name?.StartsWith("__", StringComparison.Ordinal) != true) // SpamAssassin lists no sub-rules among its hits
                .GroupBy(rule => rule.Name ?? "(unnamed rule)", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Weight, StringComparer.Ordinal);
            foreach (var meta in result.MetaHits.Where(m => !m.Name.StartsWith("__", StringComparison.Ordinal)))
            {
                libraryHits[meta.Name] = meta.Weight;
            }

            comparisons.Add(new OracleComparison(
                Path.GetFileName(path),
                verdict.Hits.Where(hit => dnsRules.Contains(hit.Key)).ToDictionary(StringComparer.Ordinal),
                libraryHits,
                result.Score,
                spamAssassinQueries.ToHashSet(),
                libraryQueries.ToHashSet()));
        }

        return new OracleRun(comparisons, spamAssassinTime.Elapsed, libraryTime.Elapsed, imported.Lists.Count, imported.Problems.Count);
    }

    /// <summary>The numbers and every difference, with both sides of each mismatched message; also written to oracle-NAME.txt in the test output folder.</summary>
    public string Report(string reportName, OracleAllowList allowed, Func<OracleDifference, bool> include)
    {
        var text = new StringBuilder();
        var unexplained = 0;
        foreach (var comparison in Comparisons)
        {
            var differences = comparison.Differences(d => allowed.ReasonFor(d) is not null).Where(include).ToList();
            if (differences.Count == 0)
            {
                continue;
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"--- {comparison.Message}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    SpamAssassin hits: {Describe(comparison.SpamAssassinHits)} = {comparison.SpamAssassinScore:0.####}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    library hits:      {Describe(comparison.LibraryHits)} = {comparison.LibraryScore:0.####}");
            foreach (var difference in differences)
            {
                var reason = allowed.ReasonFor(difference);
                unexplained += reason is null ? 1 : 0;
                text.AppendLine(CultureInfo.InvariantCulture, $"    {(reason is null ? "MISMATCH" : "allowed ")} {difference.Kind} {difference.Item}: {difference.Detail}{(reason is null ? "" : $" [{reason}]")}");
            }
        }

        var summary = new StringBuilder();
        summary.AppendLine(CultureInfo.InvariantCulture, $"SpamAssassin oracle: {Comparisons.Count} messages, {ImportedLists} imported lists ({ImportProblems} import problems)");
        summary.AppendLine(CultureInfo.InvariantCulture, $"  keys compared (distinct list queries of either side, summed per message): {Comparisons.Sum(c => c.SpamAssassinQueries.Union(c.LibraryQueries).Count())}");
        summary.AppendLine(CultureInfo.InvariantCulture, $"  SpamAssassin queries {Comparisons.Sum(c => c.SpamAssassinQueries.Count)}, library queries {Comparisons.Sum(c => c.LibraryQueries.Count)}, in both {Comparisons.Sum(c => c.SpamAssassinQueries.Intersect(c.LibraryQueries).Count())}");
        summary.AppendLine(CultureInfo.InvariantCulture, $"  DNS rule hits identical and score within {OracleComparison.ScoreTolerance}: {Comparisons.Count(c => !c.Differences(_ => false).Any(d => d.Kind is OracleDifferenceKind.HitOnlyLibrary or OracleDifferenceKind.HitOnlySpamAssassin or OracleDifferenceKind.Score))} of {Comparisons.Count}");
        summary.AppendLine(CultureInfo.InvariantCulture, $"  query sets identical: {Comparisons.Count(c => c.SpamAssassinQueries.SetEquals(c.LibraryQueries))} of {Comparisons.Count}");
        summary.AppendLine(CultureInfo.InvariantCulture, $"  messages passing this test (identical, or only differences in differences.tsv): {Comparisons.Count(c => !c.Differences(d => allowed.ReasonFor(d) is not null).Where(include).Any(d => allowed.ReasonFor(d) is null))} of {Comparisons.Count}");
        summary.AppendLine(CultureInfo.InvariantCulture, $"  time: SpamAssassin {SpamAssassinTime.TotalSeconds:0.0} s, library {LibraryTime.TotalSeconds:0.0} s");
        summary.AppendLine(CultureInfo.InvariantCulture, $"  differences not in differences.tsv: {unexplained}");
        // The unexplained differences by kind and zone (queries) or rule (hits): where to look first.
        var groups = Comparisons.SelectMany(c => c.Differences(d => allowed.ReasonFor(d) is not null)).Where(include)
            .Where(d => allowed.ReasonFor(d) is null)
            .GroupBy(d => $"{d.Kind} {(d.Kind is OracleDifferenceKind.QueryOnlyLibrary or OracleDifferenceKind.QueryOnlySpamAssassin ? ZoneOf(d.Item) : d.Item)}", StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            summary.AppendLine(CultureInfo.InvariantCulture, $"    {group.Count(),4} {group.Key} ({string.Join(", ", group.Select(d => d.Message.Split('-')[0]).Distinct(StringComparer.Ordinal))})");
        }

        var report = summary.Append(text).ToString();
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, $"oracle-{reportName}.txt"), report);
        return report;
    }

    public int Unexplained(OracleAllowList allowed, Func<OracleDifference, bool> include) =>
        Comparisons.SelectMany(c => c.Differences(d => allowed.ReasonFor(d) is not null)).Where(include).Count(d => allowed.ReasonFor(d) is null);

    private string ZoneOf(string query) =>
        Comparisons.SelectMany(c => c.SpamAssassinQueries.Concat(c.LibraryQueries)).FirstOrDefault(q => q.ToString() == query)?.Zone ?? query;

    private static string Describe(IReadOnlyDictionary<string, double> hits) =>
        hits.Count == 0 ? "(none)" : string.Join(' ', hits.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}={h.Value:0.###}"));
}

using System.Text.Json;
using Dnsbl.Client;

namespace Dnsbl.Cli.Output;

/// <summary>The stable JSON shape of check results: an array with one object per input.</summary>
internal static class CheckJson
{
    public static Task WriteAsync(TextWriter output, IReadOnlyList<DnsblCheckResult> results, ThresholdsJson thresholds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return output.WriteLineAsync(JsonSerializer.Serialize(results.Select(r => ToJson(r, thresholds)).ToArray(), JsonNames.Options));
    }

    public static CheckResultJson ToJson(DnsblCheckResult result, ThresholdsJson thresholds) => new(
        result.Input,
        result.Score,
        result.Verdict,
        result.IsComplete,
        result.MissingLists,
        result.Elapsed.TotalMilliseconds,
        thresholds,
        [.. result.Lists.Select(o => ToJson(o, result.Input))]);

    // A not-listed answer from the cache is shared across inputs and carries no input of its own.
    private static ListOutcomeJson ToJson(ListOutcome outcome, string input) => new(
        outcome.List.Name,
        outcome.List.DisplayZone,
        outcome.Input.Length > 0 ? outcome.Input : input,
        outcome.Kind,
        [.. outcome.Codes.Select(c => c.ToString())],
        outcome.Text,
        [.. outcome.MatchedRules.Select(r => r.Name ?? r.Filter?.ToString() ?? "any")],
        outcome.Weight,
        outcome.Kind == ListOutcomeKind.Error ? JsonNames.Camel(outcome.Error.ToString()) : null,
        outcome.ErrorDetail,
        outcome.SkipReason,
        outcome.Latency.TotalMilliseconds,
        outcome.FromCache);
}

/// <summary>One input's result in JSON, with the thresholds its verdict was judged against.</summary>
internal sealed record CheckResultJson(
    string Input, double Score, DnsblVerdict Verdict, bool Complete, IReadOnlyList<string> MissingLists, double ElapsedMs,
    ThresholdsJson Thresholds, IReadOnlyList<ListOutcomeJson> Lists);

/// <summary>A <c>check -f</c> line that was not judged: where it is and why (no verdict: it was not asked).</summary>
internal sealed record InputErrorJson(string Input, string? Where, string InputError);

/// <summary>One list's outcome in JSON; <c>zone</c> is the display zone, with secrets masked.</summary>
internal sealed record ListOutcomeJson(
    string Name, string Zone, string Input, ListOutcomeKind Outcome, IReadOnlyList<string> Codes, IReadOnlyList<string> Text,
    IReadOnlyList<string> Rules, double Weight, string? Error, string? ErrorDetail, string? SkipReason, double LatencyMs, bool FromCache);

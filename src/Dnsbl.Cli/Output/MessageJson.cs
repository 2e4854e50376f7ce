using System.Text.Json;
using Dnsbl.Client;
using Dnsbl.Client.Messages;

namespace Dnsbl.Cli.Output;

/// <summary>The stable JSON shape of a message check: one object with the file, score, verdict, every lookup (with source and origin) and the problems.</summary>
internal static class MessageJson
{
    public static Task WriteAsync(TextWriter output, string input, DnsblMessageResult result, ThresholdsJson thresholds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return output.WriteLineAsync(JsonSerializer.Serialize(ToJson(input, result, thresholds), JsonNames.Options));
    }

    public static MessageResultJson ToJson(string input, DnsblMessageResult result, ThresholdsJson thresholds) => new(
        input,
        result.Score,
        result.Verdict,
        result.IsComplete,
        result.MissingLists,
        result.Elapsed.TotalMilliseconds,
        thresholds,
        [.. result.Lookups.Select(ToJson)],
        [.. result.Problems.Select(p => new MessageProblemJson(p.Kind, p.Detail))]);

    private static MessageLookupJson ToJson(MessageLookupOutcome lookup)
    {
        var outcome = lookup.Outcome;
        return new MessageLookupJson(
            outcome.List.Name,
            outcome.List.DisplayZone,
            outcome.Input,
            lookup.Source,
            lookup.Origin,
            outcome.Kind,
            [.. outcome.Codes.Select(c => c.ToString())],
            [.. outcome.MatchedRules.Select(RuleName)],
            [.. lookup.CountedRules.Select(RuleName)],
            lookup.CountedWeight,
            outcome.Kind == ListOutcomeKind.Error ? JsonNames.Camel(outcome.Error.ToString()) : null,
            outcome.ErrorDetail,
            outcome.SkipReason);
    }

    private static string RuleName(Client.Lists.ReturnCodeRule rule) => rule.Name ?? rule.Filter?.ToString() ?? "any";
}

/// <summary>A message check in JSON; <c>lists</c> has one entry per (list, key) lookup.</summary>
internal sealed record MessageResultJson(
    string Input, double Score, DnsblVerdict Verdict, bool Complete, IReadOnlyList<string> MissingLists, double ElapsedMs,
    ThresholdsJson Thresholds, IReadOnlyList<MessageLookupJson> Lists, IReadOnlyList<MessageProblemJson> Problems);

/// <summary>
/// One lookup of a message check: the key asked (<c>input</c>), where it came from (<c>source</c>, <c>origin</c>), what the
/// list said, and what it added (<c>weight</c>, <c>countedRules</c>: a rule counts once per message).
/// </summary>
internal sealed record MessageLookupJson(
    string Name, string Zone, string Input, MessageKeySource Source, string Origin, ListOutcomeKind Outcome, IReadOnlyList<string> Codes,
    IReadOnlyList<string> Rules, IReadOnlyList<string> CountedRules, double Weight, string? Error, string? ErrorDetail, string? SkipReason);

/// <summary>A problem met while reading the message.</summary>
internal sealed record MessageProblemJson(MessageProblemKind Kind, string Detail);

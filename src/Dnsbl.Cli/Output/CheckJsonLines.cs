using System.Text.Json;
using Dnsbl.Cli.Commands;

namespace Dnsbl.Cli.Output;

/// <summary>
/// Check results as JSON Lines: one compact object per input and line, in input order, written as each is known. A line
/// that was not judged is an object with <c>inputError</c> (and no verdict); the summary goes to stderr.
/// </summary>
internal sealed class CheckJsonLines(CliConsole console, ThresholdsJson thresholds) : ICheckOutput
{
    private static readonly JsonSerializerOptions Compact = new(JsonNames.Options) { WriteIndented = false };

    public Task WriteAsync(CheckedInput item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var line = item.Result is { } result
            ? JsonSerializer.Serialize(CheckJson.ToJson(result, thresholds), Compact)
            : JsonSerializer.Serialize(new InputErrorJson(item.Input.Text, item.Input.Where, item.InputError!), Compact);
        return console.Output.WriteLineAsync(line);
    }

    public Task CompleteAsync(CheckSummary? summary, CancellationToken cancellationToken) =>
        summary is null ? Task.CompletedTask : console.Error.WriteLineAsync(summary.ToString());
}

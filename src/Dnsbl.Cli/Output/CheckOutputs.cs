using Dnsbl.Cli.Commands;

namespace Dnsbl.Cli.Output;

/// <summary>Chooses the writer for a format; streamed formats (JSON Lines, CSV) put the <c>-f</c> summary on stderr.</summary>
internal static class CheckOutputs
{
    public static ICheckOutput Create(CliConsole console, CheckFormat format, bool fromFile, ThresholdsJson thresholds)
    {
        ICheckOutput output = format switch
        {
            CheckFormat.Json when fromFile => new CheckJsonLines(console, thresholds),
            CheckFormat.Json => new CheckJsonArray(console, thresholds),
            CheckFormat.Csv => new CheckCsv(console),
            _ => new CheckTableOutput(console, thresholds),
        };
        return fromFile ? output : new AllJudgedOrNone(output);
    }

    /// <summary>
    /// Inputs given as arguments are all judged or the run fails: one the client refuses (a malformed domain) ends it with
    /// exit 2 before anything is written, as the inputs refused before any lookup do.
    /// </summary>
    private sealed class AllJudgedOrNone(ICheckOutput inner) : ICheckOutput
    {
        public Task WriteAsync(CheckedInput item, CancellationToken cancellationToken) => item.InputError is { } problem
            ? throw new CliUsageException($"{item.Input.Label}: {problem}.")
            : inner.WriteAsync(item, cancellationToken);

        public Task CompleteAsync(CheckSummary? summary, CancellationToken cancellationToken) => inner.CompleteAsync(null, cancellationToken);
    }
}

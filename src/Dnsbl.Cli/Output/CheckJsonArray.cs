using Dnsbl.Cli.Commands;
using Dnsbl.Client;

namespace Dnsbl.Cli.Output;

/// <summary>Check results of command-line inputs as one JSON array (every input there was judged: bad ones are refused first).</summary>
internal sealed class CheckJsonArray(CliConsole console, ThresholdsJson thresholds) : ICheckOutput
{
    private readonly List<DnsblCheckResult> _results = [];

    public Task WriteAsync(CheckedInput item, CancellationToken cancellationToken)
    {
        _results.Add(item.Result ?? throw new InvalidOperationException($"{item.Input.Label} was not judged: {item.InputError}"));
        return Task.CompletedTask;
    }

    public Task CompleteAsync(CheckSummary? summary, CancellationToken cancellationToken) =>
        CheckJson.WriteAsync(console.Output, _results, thresholds, cancellationToken);
}

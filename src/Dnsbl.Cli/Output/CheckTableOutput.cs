using Dnsbl.Cli.Commands;

namespace Dnsbl.Cli.Output;

/// <summary>Tables are laid out once every result is known: the thresholds, one table per input, the lines not judged, the summary.</summary>
internal sealed class CheckTableOutput(CliConsole console, ThresholdsJson thresholds) : ICheckOutput
{
    private readonly List<CheckedInput> _items = [];

    public Task WriteAsync(CheckedInput item, CancellationToken cancellationToken)
    {
        _items.Add(item);
        return Task.CompletedTask;
    }

    public async Task CompleteAsync(CheckSummary? summary, CancellationToken cancellationToken)
    {
        var tables = console.CreateTableConsole();
        CheckTable.Write(tables, _items.Select(i => i.Result).OfType<Client.DnsblCheckResult>(), thresholds);
        CheckTable.WriteInputErrors(tables, [.. _items.Where(i => i.Result is null)]);
        if (summary is not null)
        {
            await console.Output.WriteLineAsync(summary.ToString().AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }
}

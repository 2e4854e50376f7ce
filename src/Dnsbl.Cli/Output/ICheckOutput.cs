using Dnsbl.Cli.Commands;

namespace Dnsbl.Cli.Output;

/// <summary>Where <c>dnsbl check</c> sends its results, one input at a time and in input order.</summary>
internal interface ICheckOutput
{
    Task WriteAsync(CheckedInput item, CancellationToken cancellationToken);

    /// <summary>Ends the output; <paramref name="summary"/> is given for <c>-f</c> runs, which close with the counts.</summary>
    Task CompleteAsync(CheckSummary? summary, CancellationToken cancellationToken);
}

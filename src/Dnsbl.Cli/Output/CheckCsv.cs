using System.Globalization;
using System.Text;
using Dnsbl.Cli.Commands;
using Dnsbl.Client;

namespace Dnsbl.Cli.Output;

/// <summary>
/// Check results as CSV for spreadsheets: a header, then one row per input in input order, written as each is known.
/// <c>listed</c> holds <c>list=codes</c> pairs and <c>errors</c> <c>list=error</c> pairs, each joined with "; ". A line
/// that was not judged has an empty verdict and its reason in <c>input_error</c>. The summary goes to stderr.
/// </summary>
internal sealed class CheckCsv(CliConsole console) : ICheckOutput
{
    private const string Header = "input,where,verdict,score,complete,listed,errors,input_error";
    private bool _headerWritten;

    // One row builder for the run: rows are built and written one at a time, in order, by the run's single loop.
    private readonly StringBuilder _row = new();

    /// <summary>
    /// Writes synchronously into the console's buffered writer (it reaches the stream only when its buffer fills): an
    /// awaited write per row cost more than building the row at 100,000 rows.
    /// </summary>
    public Task WriteAsync(CheckedInput item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_headerWritten)
        {
            console.Output.WriteLine(Header);
            _headerWritten = true;
        }

        var row = _row.Clear();
        Append(row, item.Input.Text).Append(',');
        Append(row, item.Input.Where ?? "").Append(',');
        if (item.Result is { } result)
        {
            Append(row, JsonNames.Camel(result.Verdict.ToString())).Append(',');
            row.Append(result.Score.ToString("0.####", CultureInfo.InvariantCulture)).Append(',');
            row.Append(result.IsComplete ? "true" : "false").Append(',');
            AppendOutcomes(row, result, ListOutcomeKind.Listed).Append(',');
            AppendOutcomes(row, result, ListOutcomeKind.Error).Append(',');
        }
        else
        {
            row.Append(",,,,,");
            Append(row, item.InputError ?? "");
        }

        row.Append(console.Output.NewLine);
        console.Output.Write(row);
        return Task.CompletedTask;
    }

    /// <summary>The <c>list=codes</c> (listed) or <c>list=error</c> (error) pairs joined with "; ", as one field.</summary>
    private static StringBuilder AppendOutcomes(StringBuilder row, DnsblCheckResult result, ListOutcomeKind kind)
    {
        var any = false;
        foreach (var outcome in result.Lists)
        {
            if (outcome.Kind == kind)
            {
                any = true;
                break;
            }
        }

        if (!any)
        {
            return row;
        }

        var field = new StringBuilder();
        foreach (var outcome in result.Lists)
        {
            if (outcome.Kind != kind)
            {
                continue;
            }

            if (field.Length > 0)
            {
                field.Append("; ");
            }

            field.Append(outcome.List.Name).Append('=');
            if (kind == ListOutcomeKind.Listed)
            {
                field.AppendJoin(' ', outcome.Codes);
            }
            else
            {
                field.Append(outcome.Error);
            }
        }

        return Append(row, field.ToString());
    }

    public async Task CompleteAsync(CheckSummary? summary, CancellationToken cancellationToken)
    {
        if (!_headerWritten)
        {
            await console.Output.WriteLineAsync(Header).ConfigureAwait(false);
        }

        if (summary is not null)
        {
            await console.Error.WriteLineAsync(summary.ToString()).ConfigureAwait(false);
        }
    }

    // RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A leading = + - @ is prefixed with
    // ' so a spreadsheet does not run wire text (TXT reasons, input lines) as a formula.
    private static StringBuilder Append(StringBuilder row, string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@')
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? row.Append(field) : row.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}

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

    public async Task WriteAsync(CheckedInput item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_headerWritten)
        {
            await console.Output.WriteLineAsync(Header).ConfigureAwait(false);
            _headerWritten = true;
        }

        var row = new StringBuilder();
        Append(row, item.Input.Text).Append(',');
        Append(row, item.Input.Where ?? "").Append(',');
        if (item.Result is { } result)
        {
            Append(row, JsonNames.Camel(result.Verdict.ToString())).Append(',');
            row.Append(result.Score.ToString("0.####", CultureInfo.InvariantCulture)).Append(',');
            row.Append(result.IsComplete ? "true" : "false").Append(',');
            Append(row, string.Join("; ", result.Lists.Where(o => o.Kind == ListOutcomeKind.Listed).Select(o => $"{o.List.Name}={string.Join(' ', o.Codes)}"))).Append(',');
            Append(row, string.Join("; ", result.Lists.Where(o => o.Kind == ListOutcomeKind.Error).Select(o => $"{o.List.Name}={o.Error}"))).Append(',');
        }
        else
        {
            row.Append(",,,,,");
            Append(row, item.InputError ?? "");
        }

        await console.Output.WriteLineAsync(row.ToString()).ConfigureAwait(false);
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

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

    // One row builder and one field builder for the run: rows are built and written one at a time, in order, by the
    // run's single loop. Numbers, addresses and the place are formatted into them, not into strings of their own.
    private readonly StringBuilder _row = new();
    private readonly StringBuilder _field = new();
    private readonly Dictionary<DnsblVerdict, string> _verdictNames = [];

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
        AppendWhere(row, item.Input).Append(',');
        if (item.Result is { } result)
        {
            Append(row, VerdictName(result.Verdict)).Append(',');
            row.Append(CultureInfo.InvariantCulture, $"{result.Score:0.####}").Append(',');
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

    private string VerdictName(DnsblVerdict verdict)
    {
        if (!_verdictNames.TryGetValue(verdict, out var name))
        {
            name = JsonNames.Camel(verdict.ToString());
            _verdictNames.Add(verdict, name);
        }

        return name;
    }

    /// <summary><c>FILE:LINE</c>, or nothing for an argument; the line number cannot need quoting, so only the file name is looked at.</summary>
    private static StringBuilder AppendWhere(StringBuilder row, CheckInput input)
    {
        if (input.Source is not { } source)
        {
            return row;
        }

        return NeedsEscaping(source)
            ? Append(row, input.Where!)
            : row.Append(source).Append(':').Append(input.Line);
    }

    /// <summary>The <c>list=codes</c> (listed) or <c>list=error</c> (error) pairs joined with "; ", as one field.</summary>
    private StringBuilder AppendOutcomes(StringBuilder row, DnsblCheckResult result, ListOutcomeKind kind)
    {
        var field = _field.Clear();
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
                for (var i = 0; i < outcome.Codes.Count; i++)
                {
                    field.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? " " : "")}{outcome.Codes[i]}");
                }
            }
            else
            {
                field.Append(CultureInfo.InvariantCulture, $"{outcome.Error}");
            }
        }

        return field.Length == 0 ? row : Append(row, field);
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
        if (!NeedsEscaping(field))
        {
            return row.Append(field);
        }

        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@')
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? row.Append(field) : row.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>As <see cref="Append(StringBuilder, string)"/>, copying the built field without a string of its own when it needs no escaping.</summary>
    private static StringBuilder Append(StringBuilder row, StringBuilder field)
    {
        foreach (var chunk in field.GetChunks())
        {
            if (chunk.Span.IndexOfAny(",\"\r\n") >= 0)
            {
                return Append(row, field.ToString());
            }
        }

        return field[0] is '=' or '+' or '-' or '@' ? Append(row, field.ToString()) : row.Append(field);
    }

    private static bool NeedsEscaping(string field) =>
        (field.Length > 0 && field[0] is '=' or '+' or '-' or '@') || field.AsSpan().IndexOfAny(",\"\r\n") >= 0;
}

namespace Dnsbl.Cli.Output;

/// <summary>How <c>dnsbl check</c> writes its results (<c>--format</c>).</summary>
internal enum CheckFormat
{
    /// <summary>One table per input, the thresholds above them (the default on a terminal and elsewhere).</summary>
    Table,

    /// <summary>A JSON array; with <c>-f</c>, JSON Lines (one compact object per input, in input order).</summary>
    Json,

    /// <summary>Comma-separated values with a header row, one row per input (RFC 4180 quoting).</summary>
    Csv,
}

using Dnsbl.Client;

namespace Dnsbl.Cli.Commands;

/// <summary>One input after <c>dnsbl check</c>: its result, or why it was not judged (never both).</summary>
internal sealed record CheckedInput(CheckInput Input, DnsblCheckResult? Result, string? InputError)
{
    public static CheckedInput Judged(CheckInput input, DnsblCheckResult result) => new(input, result, null);

    public static CheckedInput NotJudged(CheckInput input, string problem) => new(input, null, problem);
}

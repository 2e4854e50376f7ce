using System.Text.Json;
using Dnsbl.Client;

namespace Dnsbl.Cli.Output;

/// <summary>Check results as JSON Lines: one compact object per input and line, in input order, written as each is known.</summary>
internal static class CheckJsonLines
{
    private static readonly JsonSerializerOptions Compact = new(JsonNames.Options) { WriteIndented = false };

    public static Task WriteAsync(TextWriter output, DnsblCheckResult result, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return output.WriteLineAsync(JsonSerializer.Serialize(CheckJson.ToJson(result), Compact));
    }
}

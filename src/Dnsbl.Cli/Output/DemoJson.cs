using System.Net;
using System.Text.Json;
using Dnsbl.Client;
using Dnsbl.Client.Health;

namespace Dnsbl.Cli.Output;

/// <summary>The demo's JSON: the server address, the health report and the check results in the shapes of <c>health</c> and <c>check</c>.</summary>
internal static class DemoJson
{
    public static Task WriteAsync(
        TextWriter output, IPEndPoint server, DnsblHealthReport health, IReadOnlyList<DnsblCheckResult> results, ThresholdsJson thresholds,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var demo = new DemoResultJson(server.ToString(), HealthJson.ToJson(health), [.. results.Select(r => CheckJson.ToJson(r, thresholds))]);
        return output.WriteLineAsync(JsonSerializer.Serialize(demo, JsonNames.Options));
    }
}

/// <summary>Everything the demo found.</summary>
internal sealed record DemoResultJson(string Server, IReadOnlyList<ListHealthJson> Health, IReadOnlyList<CheckResultJson> Checks);

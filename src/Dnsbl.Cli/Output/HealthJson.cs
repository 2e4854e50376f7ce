using System.Text.Json;
using Dnsbl.Client.Health;

namespace Dnsbl.Cli.Output;

/// <summary>The health report as a JSON array: one object per list with at least zone, state, enabled and reason.</summary>
internal static class HealthJson
{
    public static Task WriteAsync(TextWriter output, DnsblHealthReport report, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return output.WriteLineAsync(JsonSerializer.Serialize(ToJson(report), JsonNames.Options));
    }

    public static ListHealthJson[] ToJson(DnsblHealthReport report) =>
    [
        .. report.Lists.Select(l => new ListHealthJson(
            l.Name, l.Zone, l.State, l.Enabled, l.Reason, l.DisabledReason, l.LastProbe, l.LastLatencyMilliseconds,
            l.Evidence)),
    ];
}

/// <summary>One list's health in JSON.</summary>
internal sealed record ListHealthJson(
    string Name, string Zone, ListHealthState State, bool Enabled, string Reason, string? DisabledReason,
    DateTimeOffset? LastProbe, double? LatencyMs, IReadOnlyList<ProbeEvidence> Evidence);

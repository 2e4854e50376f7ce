using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>A snapshot of every monitored list's health. Immutable; serialise it with <see cref="ToJson"/>.</summary>
public sealed class DnsblHealthReport
{
    private DnsblHealthSummary? _summary;

    /// <summary>When the snapshot was taken.</summary>
    [JsonPropertyName("generatedAt")]
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>One entry per list, in configuration order.</summary>
    [JsonPropertyName("lists")]
    public required IReadOnlyList<ListHealth> Lists { get; init; }

    /// <summary>This node's place in a fleet that shares health (role, leader, last sync); null without shared health.</summary>
    [JsonPropertyName("fleet")]
    public DnsblFleetHealth? Fleet { get; init; }

    /// <summary>The lists counted at a glance: healthy, disabled, circuit open, missing from checks.</summary>
    [JsonPropertyName("summary")]
    public DnsblHealthSummary Summary => _summary ??= DnsblHealthSummary.Of(Lists);

    /// <summary>The report as JSON with stable camelCase names and states (e.g. <c>"state": "listsEverything"</c>).</summary>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false) =>
        JsonSerializer.Serialize(this, indented ? DnsblJsonContext.Indented.DnsblHealthReport : DnsblJsonContext.Default.DnsblHealthReport);
}

using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>A snapshot of one list's health, as shown in <see cref="DnsblHealthReport"/>. Immutable; JSON names are stable.</summary>
public sealed class ListHealth
{
    /// <summary>The list's name (never contains secrets such as a DQS key).</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The zone, for display.</summary>
    [JsonPropertyName("zone")]
    public required string Zone { get; init; }

    /// <summary>The verdict of the latest probe round (<see cref="ListHealthState.Unknown"/> before the first).</summary>
    [JsonPropertyName("state")]
    public required ListHealthState State { get; init; }

    /// <summary>Whether lookups query the list now.</summary>
    [JsonPropertyName("enabled")]
    public required bool Enabled { get; init; }

    /// <summary>An operator's override, if any.</summary>
    [JsonPropertyName("override")]
    public ListHealthOverride Override { get; init; }

    /// <summary>Why the list is in this state, in words.</summary>
    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    /// <summary>Why lookups skip the list (e.g. <c>disabled: lists everything ...</c>), or null while enabled.</summary>
    [JsonPropertyName("disabledReason")]
    public string? DisabledReason { get; init; }

    /// <summary>The questions of the latest round and what came back.</summary>
    [JsonPropertyName("evidence")]
    public IReadOnlyList<ProbeEvidence> Evidence { get; init; } = [];

    /// <summary>When the list was last probed.</summary>
    [JsonPropertyName("lastProbe")]
    public DateTimeOffset? LastProbe { get; init; }

    /// <summary>When the state or the enabled flag last changed.</summary>
    [JsonPropertyName("lastChange")]
    public DateTimeOffset? LastChange { get; init; }

    /// <summary>Rounds in a row whose verdict was not healthy.</summary>
    [JsonPropertyName("consecutiveFailures")]
    public int ConsecutiveFailures { get; init; }

    /// <summary>Rounds in a row whose verdict was healthy.</summary>
    [JsonPropertyName("consecutiveSuccesses")]
    public int ConsecutiveSuccesses { get; init; }

    /// <summary>The latency of the latest probe question, in milliseconds.</summary>
    [JsonPropertyName("lastLatencyMs")]
    public double? LastLatencyMilliseconds { get; init; }

    /// <summary>The mean latency of the recent probe questions (<see cref="DnsblHealthOptions.StatisticsWindow"/>), in milliseconds.</summary>
    [JsonPropertyName("meanLatencyMs")]
    public double? MeanLatencyMilliseconds { get; init; }

    /// <summary>The fraction (0–1) of the recent probe questions that failed (timeout, SERVFAIL, network).</summary>
    [JsonPropertyName("errorRate")]
    public double? ErrorRate { get; init; }

    /// <summary>The list's circuit breaker as lookups last reported it (<c>open</c>: lookups skip the list).</summary>
    [JsonPropertyName("circuit")]
    public ListCircuitState Circuit { get; init; }

    /// <summary>When the circuit opened, while it is open.</summary>
    [JsonPropertyName("circuitOpenedAt")]
    public DateTimeOffset? CircuitOpenedAt { get; init; }

    /// <summary>When the next trial lookup may go through, while the circuit is open.</summary>
    [JsonPropertyName("circuitRetryAt")]
    public DateTimeOffset? CircuitRetryAt { get; init; }

    /// <summary>The list's query budget (used against limit, state), or null when it has none.</summary>
    [JsonPropertyName("budget")]
    public ListBudgetStatus? Budget { get; init; }

    /// <summary>Whether lookups skip the list now: disabled, its circuit is open, or it is over budget (skipping). Such a list is missing from every check.</summary>
    [JsonPropertyName("missing")]
    public bool Missing => !Enabled || Circuit == ListCircuitState.Open || Budget is { Skipping: true };

    /// <summary>Recent rounds, changes and per-minute lookups; null unless the report was asked for history (<see cref="DnsblHealthMonitor.GetReport(bool)"/>).</summary>
    [JsonPropertyName("history")]
    public ListHealthHistory? History { get; init; }
}

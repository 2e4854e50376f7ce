using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>A change of a list's verdict, enabled flag or circuit, as kept in its history (<see cref="ListHealthHistory.Changes"/>). Immutable.</summary>
public sealed class ListStateChange
{
    /// <summary>When it changed.</summary>
    [JsonPropertyName("at")]
    public required DateTimeOffset At { get; init; }

    /// <summary>The verdict from then on.</summary>
    [JsonPropertyName("state")]
    public required ListHealthState State { get; init; }

    /// <summary>Whether lookups queried the list from then on.</summary>
    [JsonPropertyName("enabled")]
    public required bool Enabled { get; init; }

    /// <summary>The list's circuit from then on.</summary>
    [JsonPropertyName("circuit")]
    public required ListCircuitState Circuit { get; init; }

    /// <summary>What changed it: <c>probe</c>, <c>operator</c> or <c>circuit</c>.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary>Why, in words (at most 200 characters).</summary>
    [JsonPropertyName("reason")]
    public required string Reason { get; init; }
}

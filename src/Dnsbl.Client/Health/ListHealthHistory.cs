using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>
/// A list's recent past, bounded: the last 96 probe rounds, the last 48 state changes and per-minute lookup counts
/// for the last 24 h (only minutes with lookups). In <see cref="ListHealth.History"/> when the report was asked for it.
/// Immutable.
/// </summary>
public sealed class ListHealthHistory
{
    /// <summary>Recent probe rounds, oldest first.</summary>
    [JsonPropertyName("rounds")]
    public required IReadOnlyList<ProbeRoundRecord> Rounds { get; init; }

    /// <summary>Recent changes of verdict, enabled flag or circuit, oldest first.</summary>
    [JsonPropertyName("changes")]
    public required IReadOnlyList<ListStateChange> Changes { get; init; }

    /// <summary>Lookups per minute by outcome over the last 24 h, oldest first; minutes without lookups are left out.</summary>
    [JsonPropertyName("minutes")]
    public required IReadOnlyList<LookupMinute> Minutes { get; init; }
}

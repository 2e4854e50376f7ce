using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>Where this node stands in a fleet that shares health (<see cref="DnsblHealthReport.Fleet"/>).</summary>
/// <remarks>Immutable, so thread-safe.</remarks>
public sealed class DnsblFleetHealth
{
    /// <summary>This node's name in the fleet.</summary>
    [JsonPropertyName("node")]
    public required string Node { get; init; }

    /// <summary>Whether this node leads (probes and publishes), follows, or probes alone (the store is unreachable).</summary>
    [JsonPropertyName("role")]
    public required SharedHealthRole Role { get; init; }

    /// <summary>The node holding the lease at the last sync, if any.</summary>
    [JsonPropertyName("leader")]
    public string? Leader { get; init; }

    /// <summary>When the fleet's store last answered a sync.</summary>
    [JsonPropertyName("lastSync")]
    public DateTimeOffset? LastSync { get; init; }
}

namespace Dnsbl.Client.Redis.Health;

/// <summary>The fleet's shared health as Redis holds it now: the nodes that checked in, the leader, the published states.</summary>
/// <remarks>Immutable, so thread-safe. Values under our keys that are not ours are left out (and counted).</remarks>
public sealed class DnsblFleetView
{
    /// <summary>When the view was read.</summary>
    public required DateTimeOffset ReadAt { get; init; }

    /// <summary>The node that holds the health lease (probes and publishes), if any.</summary>
    public string? Leader { get; init; }

    /// <summary>When the leader's lease lapses unless renewed.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>Every node that checked in within the retention (10 min), most recent first.</summary>
    public required IReadOnlyList<DnsblFleetNode> Nodes { get; init; }

    /// <summary>Every published list state, with its fleet-wide override if any, by list name.</summary>
    public required IReadOnlyList<DnsblFleetListState> Lists { get; init; }
}

using Dnsbl.Client.Health;

namespace Dnsbl.Client.Redis.Health;

/// <summary>One list's state as the fleet's leader published it, with the fleet-wide override.</summary>
/// <remarks>Immutable, so thread-safe. Zones and query names are redacted: a DQS key is never stored.</remarks>
public sealed record DnsblFleetListState
{
    /// <summary>The list's name.</summary>
    public required string ListName { get; init; }

    /// <summary>The zone, redacted for display.</summary>
    public required string Zone { get; init; }

    /// <summary>The latest verdict.</summary>
    public required ListHealthState State { get; init; }

    /// <summary>Why, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>Whether the nodes query the list (probes and override together).</summary>
    public required bool Enabled { get; init; }

    /// <summary>The verdict that disabled it, while the probes keep it disabled.</summary>
    public string? DisabledReason { get; init; }

    /// <summary>The fleet-wide override.</summary>
    public ListHealthOverride Override { get; init; }

    /// <summary>Why the operator overrode it.</summary>
    public string? OverrideReason { get; init; }

    /// <summary>When the leader last probed it.</summary>
    public DateTimeOffset? LastProbe { get; init; }

    /// <summary>When its state or enabled flag last changed.</summary>
    public DateTimeOffset? LastChange { get; init; }

    /// <summary>The node that published it.</summary>
    public required string PublishedBy { get; init; }

    /// <summary>When it was published.</summary>
    public required DateTimeOffset PublishedAt { get; init; }
}

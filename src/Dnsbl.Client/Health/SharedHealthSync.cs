namespace Dnsbl.Client.Health;

/// <summary>What one <see cref="ISharedHealth.SyncAsync"/> found: this node's role and the fleet's published health.</summary>
/// <remarks>Immutable, so thread-safe.</remarks>
public sealed class SharedHealthSync
{
    /// <summary>This node's role from now on.</summary>
    public required SharedHealthRole Role { get; init; }

    /// <summary>The node holding the lease, when one does and its name is valid.</summary>
    public string? Leader { get; init; }

    /// <summary>Whether the store answered: only then are <see cref="States"/> and <see cref="Overrides"/> the fleet's (empty otherwise).</summary>
    public bool Answered { get; init; }

    /// <summary>Per list (aligned with the lists asked about), its published state, or null.</summary>
    public IReadOnlyList<SharedListHealth?> States { get; init; } = [];

    /// <summary>Per list (aligned with the lists asked about), its fleet-wide override, or null for none.</summary>
    public IReadOnlyList<SharedListOverride?> Overrides { get; init; } = [];
}

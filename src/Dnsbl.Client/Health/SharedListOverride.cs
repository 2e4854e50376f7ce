using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Health;

/// <summary>An operator's override published for the whole fleet.</summary>
/// <remarks>Immutable, so thread-safe.</remarks>
public sealed record SharedListOverride
{
    /// <summary>The local list it applies to.</summary>
    public required DnsList List { get; init; }

    /// <summary>The override (never <see cref="ListHealthOverride.None"/>: a cleared override is absent).</summary>
    public required ListHealthOverride Value { get; init; }

    /// <summary>Why, as the operator said it.</summary>
    public string? Reason { get; init; }

    /// <summary>The node where it was set.</summary>
    public string? SetBy { get; init; }

    /// <summary>When it was set.</summary>
    public DateTimeOffset SetAt { get; init; }
}

using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Health;

/// <summary>
/// One list's health as the fleet's leader published it: the state machine's record (so a node that takes over the
/// lease continues from it, and a disabled list stays disabled), with zones and query names redacted.
/// </summary>
/// <remarks>Immutable, so thread-safe.</remarks>
public sealed record SharedListHealth
{
    /// <summary>The local list this state is for (never sent: the store keys it by a hash of its name and zone).</summary>
    public required DnsList List { get; init; }

    /// <summary>The latest verdict.</summary>
    public required ListHealthState State { get; init; }

    /// <summary>Why, in words (redacted).</summary>
    public required string Reason { get; init; }

    /// <summary>The questions of the latest round and what came back (query names redacted).</summary>
    public IReadOnlyList<ProbeEvidence> Evidence { get; init; } = [];

    /// <summary>Disabled by the probes.</summary>
    public bool AutoDisabled { get; init; }

    /// <summary>The verdict that disabled the list, kept while it recovers.</summary>
    public string? DisabledReason { get; init; }

    /// <summary>When the leader last probed the list.</summary>
    public DateTimeOffset? LastProbe { get; init; }

    /// <summary>When the state or the enabled flag last changed.</summary>
    public DateTimeOffset? LastChange { get; init; }

    /// <summary>Rounds in a row whose verdict was not healthy.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>Rounds in a row whose verdict was healthy.</summary>
    public int ConsecutiveSuccesses { get; init; }

    /// <summary>Rounds in a row whose verdict was unreachable.</summary>
    public int ConsecutiveUnreachable { get; init; }

    /// <summary>The node that published it (set by the store on read).</summary>
    public string? PublishedBy { get; init; }

    /// <summary>Until when followers treat it as fresh and do not probe the list themselves (set by the store on read).</summary>
    public DateTimeOffset FreshUntil { get; init; }
}

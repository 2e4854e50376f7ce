namespace Dnsbl.Client.Health;

/// <summary>The health record of one list as the state machine keeps it. Immutable: every change makes a new one.</summary>
internal sealed record ListHealthStatus
{
    public static readonly ListHealthStatus Initial = new();

    public ListHealthState State { get; init; } = ListHealthState.Unknown;

    public string Reason { get; init; } = "not probed yet";

    public IReadOnlyList<ProbeEvidence> Evidence { get; init; } = [];

    /// <summary>Disabled by the probes (not by an operator).</summary>
    public bool AutoDisabled { get; init; }

    /// <summary>The verdict that disabled the list, kept while it recovers.</summary>
    public string? DisabledReason { get; init; }

    public ListHealthOverride Override { get; init; }

    public string? OverrideReason { get; init; }

    public DateTimeOffset? LastProbe { get; init; }

    public DateTimeOffset? LastChange { get; init; }

    /// <summary>Rounds in a row whose verdict was not healthy.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>Rounds in a row whose verdict was healthy.</summary>
    public int ConsecutiveSuccesses { get; init; }

    /// <summary>Rounds in a row whose verdict was unreachable.</summary>
    public int ConsecutiveUnreachable { get; init; }

    public bool IsEnabled => Override switch
    {
        ListHealthOverride.ForceEnabled => true,
        ListHealthOverride.ForceDisabled => false,
        _ => !AutoDisabled,
    };

    /// <summary>Why lookups skip the list, or null while it is enabled.</summary>
    public string? GateReason => IsEnabled ? null
        : Override == ListHealthOverride.ForceDisabled ? $"disabled by operator: {OverrideReason}"
        : $"disabled: {DisabledReason}";
}

using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>A list's query budget as the health report shows it: used against limit per window, and its state. Immutable.</summary>
public sealed class ListBudgetStatus
{
    /// <summary>Within, near the limit or over budget.</summary>
    [JsonPropertyName("state")]
    public required ListBudgetState State { get; init; }

    /// <summary>Queries counted in the current UTC minute (fleet-wide when <see cref="FleetWide"/>).</summary>
    [JsonPropertyName("usedThisMinute")]
    public long UsedThisMinute { get; init; }

    /// <summary>The per-minute limit, or null.</summary>
    [JsonPropertyName("perMinute")]
    public int? PerMinute { get; init; }

    /// <summary>Queries counted in the current UTC day.</summary>
    [JsonPropertyName("usedToday")]
    public long UsedToday { get; init; }

    /// <summary>The per-day limit, or null.</summary>
    [JsonPropertyName("perDay")]
    public int? PerDay { get; init; }

    /// <summary>The highest fraction (0–1, or more when over) of a limit used.</summary>
    [JsonPropertyName("usedFraction")]
    public double UsedFraction { get; init; }

    /// <summary>Whether checks skip the list now (over budget with the Skip action): it is missing from every check.</summary>
    [JsonPropertyName("skipping")]
    public bool Skipping { get; init; }

    /// <summary>Whether the counts are the fleet's (a shared counter answered at the latest sync) rather than this process's alone.</summary>
    [JsonPropertyName("fleetWide")]
    public bool FleetWide { get; init; }

    /// <summary>When the window that decides the state rolls over (the list comes back then, if it was skipped).</summary>
    [JsonPropertyName("resetsAt")]
    public DateTimeOffset? ResetsAt { get; init; }
}

using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>One minute of a list's lookups, by outcome (<see cref="ListHealthHistory.Minutes"/>). Immutable.</summary>
public sealed class LookupMinute
{
    /// <summary>The start of the minute (UTC).</summary>
    [JsonPropertyName("start")]
    public required DateTimeOffset Start { get; init; }

    /// <summary>Lookups DNS answered "not listed".</summary>
    [JsonPropertyName("notListed")]
    public int NotListed { get; init; }

    /// <summary>Lookups DNS answered "listed".</summary>
    [JsonPropertyName("listed")]
    public int Listed { get; init; }

    /// <summary>Lookups skipped because health probing or an operator disabled the list.</summary>
    [JsonPropertyName("skippedDisabled")]
    public int SkippedDisabled { get; init; }

    /// <summary>Lookups skipped because the list's circuit breaker was open.</summary>
    [JsonPropertyName("skippedCircuitOpen")]
    public int SkippedCircuitOpen { get; init; }

    /// <summary>Lookups answered from the cache.</summary>
    [JsonPropertyName("fromCache")]
    public int FromCache { get; init; }

    /// <summary>Lookups skipped because the list's query budget was spent.</summary>
    [JsonPropertyName("skippedOverBudget")]
    public int SkippedOverBudget { get; init; }

    /// <summary>Failed lookups by error kind (<see cref="DnsblErrorKind"/> names); kinds with none are left out.</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyDictionary<string, int> Errors { get; init; } = new Dictionary<string, int>();
}

using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>
/// The report at a glance: how many lists are healthy, disabled or skipped by an open circuit, and so how many are
/// missing from every check now — a mail server keeps accepting without them, which an admin must be able to see. Immutable.
/// </summary>
public sealed class DnsblHealthSummary
{
    /// <summary>Lists enabled, probed healthy, with a closed circuit.</summary>
    [JsonPropertyName("healthy")]
    public required int Healthy { get; init; }

    /// <summary>Lists disabled by probing or an operator.</summary>
    [JsonPropertyName("disabled")]
    public required int Disabled { get; init; }

    /// <summary>Enabled lists whose circuit is open.</summary>
    [JsonPropertyName("circuitOpen")]
    public required int CircuitOpen { get; init; }

    /// <summary>Enabled lists near or over their query budget (<see cref="ListBudgetState.NearLimit"/>, <see cref="ListBudgetState.OverBudget"/>).</summary>
    [JsonPropertyName("overBudget")]
    public int OverBudget { get; init; }

    /// <summary>Lists that checks skip now (disabled, circuit open, or over budget and skipped).</summary>
    [JsonPropertyName("missing")]
    public required int Missing { get; init; }

    /// <summary>Every monitored list.</summary>
    [JsonPropertyName("total")]
    public required int Total { get; init; }

    /// <summary>The line an admin reads, e.g. <c>3 lists healthy, 1 disabled — accepting with 1 lists missing</c>.</summary>
    [JsonPropertyName("text")]
    public string Text =>
        $"{Healthy} lists healthy, {Disabled} disabled{(CircuitOpen > 0 ? $", {CircuitOpen} circuit open" : string.Empty)}{(OverBudget > 0 ? $", {OverBudget} near or over budget" : string.Empty)} — accepting with {Missing} lists missing";

    /// <summary>Counts <paramref name="lists"/>.</summary>
    internal static DnsblHealthSummary Of(IReadOnlyList<ListHealth> lists) => new()
    {
        Healthy = lists.Count(l => l.Enabled && l.State == ListHealthState.Healthy && l.Circuit == ListCircuitState.Closed),
        Disabled = lists.Count(l => !l.Enabled),
        CircuitOpen = lists.Count(l => l.Enabled && l.Circuit == ListCircuitState.Open),
        OverBudget = lists.Count(l => l.Enabled && l.Budget is { State: not ListBudgetState.Within }),
        Missing = lists.Count(l => l.Missing),
        Total = lists.Count,
    };
}

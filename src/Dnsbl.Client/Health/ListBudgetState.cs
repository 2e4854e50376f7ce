using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>Where a list stands against its query budget (<see cref="Lists.ListBudget"/>). Serialised as camelCase strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ListBudgetState>))]
public enum ListBudgetState
{
    /// <summary>Below the near fraction of every limit.</summary>
    [JsonStringEnumMemberName("within")]
    Within,

    /// <summary>At or past the near fraction of a limit: the operator may soon refuse; the health check is Degraded.</summary>
    [JsonStringEnumMemberName("nearLimit")]
    NearLimit,

    /// <summary>A limit is reached for the current window: the list is skipped (or still asked, when configured to keep asking).</summary>
    [JsonStringEnumMemberName("overBudget")]
    OverBudget,
}

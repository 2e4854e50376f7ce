using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>The state of a list's circuit breaker as lookups last reported it. Serialised as camelCase strings.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ListCircuitState>))]
public enum ListCircuitState
{
    /// <summary>Lookups query the list (the usual state).</summary>
    [JsonStringEnumMemberName("closed")]
    Closed,

    /// <summary>Nearly every recent lookup failed: lookups skip the list ("circuit open") until a trial lookup answers.</summary>
    [JsonStringEnumMemberName("open")]
    Open,
}

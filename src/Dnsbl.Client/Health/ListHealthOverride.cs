using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>An operator's override of the automatic health decision for one list.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ListHealthOverride>))]
public enum ListHealthOverride
{
    /// <summary>No override: probes decide.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>The list is queried whatever the probes say.</summary>
    [JsonStringEnumMemberName("forceEnabled")]
    ForceEnabled,

    /// <summary>The list is skipped whatever the probes say.</summary>
    [JsonStringEnumMemberName("forceDisabled")]
    ForceDisabled,
}

using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>The verdict of a list's latest health probe round. Serialised as camelCase strings (e.g. <c>listsEverything</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ListHealthState>))]
public enum ListHealthState
{
    /// <summary>Not probed yet. The list is enabled: a list is innocent until a probe shows otherwise.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary>The test points answered as RFC 5782 §5 requires.</summary>
    [JsonStringEnumMemberName("healthy")]
    Healthy,

    /// <summary>A point that must not be listed (127.0.0.1, <c>invalid</c>, a random name) is listed: the list lists everything.</summary>
    [JsonStringEnumMemberName("listsEverything")]
    ListsEverything,

    /// <summary>A point that must be listed (127.0.0.2, <c>test</c>) is not: the list no longer lists anything reliably.</summary>
    [JsonStringEnumMemberName("notListingTestPoint")]
    NotListingTestPoint,

    /// <summary>
    /// The operator refuses us (an operator error code such as 127.255.255.254, or DNS REFUSED), or the zone answers
    /// outside 127.0.0.0/8 (wildcard or hijacked zone); the reason says which. Its answers cannot be trusted.
    /// </summary>
    [JsonStringEnumMemberName("refusing")]
    Refusing,

    /// <summary>The zone no longer exists, or its nameservers were moved to documentation addresses (RFC 6471 §3).</summary>
    [JsonStringEnumMemberName("dead")]
    Dead,

    /// <summary>Every probe question of the round failed (timeouts, SERVFAIL, network errors).</summary>
    [JsonStringEnumMemberName("unreachable")]
    Unreachable,
}

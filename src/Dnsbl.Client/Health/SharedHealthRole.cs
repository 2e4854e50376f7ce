using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>What a node of a fleet does about list health (see <see cref="ISharedHealth"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SharedHealthRole>))]
public enum SharedHealthRole
{
    /// <summary>No fleet to follow (no shared health, or the store is unreachable): the node probes for itself.</summary>
    [JsonStringEnumMemberName("alone")]
    Alone,

    /// <summary>The node holds the lease: it probes and publishes.</summary>
    [JsonStringEnumMemberName("leader")]
    Leader,

    /// <summary>Another node holds the lease: this one follows the published states and does not probe them.</summary>
    [JsonStringEnumMemberName("follower")]
    Follower,
}

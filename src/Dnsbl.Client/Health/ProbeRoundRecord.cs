using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>One completed probe round of a list, as kept in its history (<see cref="ListHealthHistory.Rounds"/>). Immutable.</summary>
public sealed class ProbeRoundRecord
{
    /// <summary>When the round ended.</summary>
    [JsonPropertyName("at")]
    public required DateTimeOffset At { get; init; }

    /// <summary>The round's verdict.</summary>
    [JsonPropertyName("state")]
    public required ListHealthState State { get; init; }

    /// <summary>Whether lookups queried the list after the round.</summary>
    [JsonPropertyName("enabled")]
    public required bool Enabled { get; init; }

    /// <summary>Why, in words (at most 200 characters).</summary>
    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    /// <summary>The mean latency of the round's questions, in milliseconds; null when it asked none.</summary>
    [JsonPropertyName("latencyMs")]
    public double? LatencyMilliseconds { get; init; }

    /// <summary>How many questions the round asked.</summary>
    [JsonPropertyName("questions")]
    public int Questions { get; init; }

    /// <summary>How many of them failed (timeout, SERVFAIL, network).</summary>
    [JsonPropertyName("failures")]
    public int Failures { get; init; }

    /// <summary>The kind of the first failure (e.g. <c>timeout</c>, <c>SERVFAIL</c>), or null when none failed.</summary>
    [JsonPropertyName("errorKind")]
    public string? ErrorKind { get; init; }
}

using System.Text.Json.Serialization;

namespace Dnsbl.Client.Redis.Health;

/// <summary>One list's published state as stored (version 1). Times are Unix milliseconds.</summary>
internal sealed record StateRecord(
    int V, string List, string Zone, string State, string Reason, EvidenceRecord[] Evidence, bool AutoDisabled, string? DisabledReason,
    long? LastProbe, long? LastChange, int Failures, int Successes, int Unreachable, string By, long At);

/// <summary>One question of a probe round as stored.</summary>
internal sealed record EvidenceRecord(string Name, string Type, string Answer, long At);

/// <summary>One fleet-wide override as stored (version 1).</summary>
internal sealed record OverrideRecord(int V, string List, string Value, string? Reason, string By, long At);

/// <summary>Strict JSON for the records: an unknown member, a missing one or a wrong type is a foreign value.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(StateRecord))]
[JsonSerializable(typeof(OverrideRecord))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;

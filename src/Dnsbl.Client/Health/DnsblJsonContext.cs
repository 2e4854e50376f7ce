using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>Source-generated (trim- and AOT-safe) JSON metadata for the health report.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DnsblHealthReport))]
internal sealed partial class DnsblJsonContext : JsonSerializerContext
{
    /// <summary>The same metadata with indented output, for people reading it.</summary>
    public static DnsblJsonContext Indented { get; } = new(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
}

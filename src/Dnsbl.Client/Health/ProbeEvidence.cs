using System.Text.Json.Serialization;

namespace Dnsbl.Client.Health;

/// <summary>One question a health probe asked and what came back.</summary>
/// <param name="QueryName">The name asked, e.g. <c>2.0.0.127.zen.example</c>.</param>
/// <param name="RecordType">The record type asked (<c>A</c>, <c>AAAA</c>, <c>NS</c>).</param>
/// <param name="Answer">What came back, in words: <c>A 127.0.0.2</c>, <c>NXDOMAIN</c>, <c>timeout</c>, ...</param>
/// <param name="At">When the answer came.</param>
/// <remarks>Immutable, so thread-safe: share it freely.</remarks>
public sealed record ProbeEvidence(
    [property: JsonPropertyName("queryName")] string QueryName,
    [property: JsonPropertyName("recordType")] string RecordType,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("at")] DateTimeOffset At);

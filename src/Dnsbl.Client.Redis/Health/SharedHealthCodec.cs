using System.Text.Json;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Redis.Health;

/// <summary>
/// Writes and strictly reads the shared health values. Reading rejects, with a reason, anything that is not exactly a
/// version-1 record for the list it is filed under: another program's value, a list name that does not match, an
/// unknown state, text or evidence past its bounds, a date from the future or older than the key may live.
/// </summary>
internal static class SharedHealthCodec
{
    private const int Version = 1;
    private static readonly string[] StateNames = ["unknown", "healthy", "listsEverything", "notListingTestPoint", "refusing", "dead", "unreachable"];

    public static byte[] Encode(SharedListHealth state, string nodeId, DateTimeOffset now)
    {
        var list = state.List;
        var record = new StateRecord(
            Version, list.Name, list.DisplayZone, StateNames[(int)state.State], Clean(list, state.Reason),
            [.. state.Evidence.Take(HealthConstants.MaximumEvidence).Select(e => new EvidenceRecord(Clean(list, e.QueryName), e.RecordType, Clean(list, e.Answer), e.At.ToUnixTimeMilliseconds()))],
            state.AutoDisabled, state.DisabledReason is null ? null : Clean(list, state.DisabledReason),
            state.LastProbe?.ToUnixTimeMilliseconds(), state.LastChange?.ToUnixTimeMilliseconds(),
            state.ConsecutiveFailures, state.ConsecutiveSuccesses, state.ConsecutiveUnreachable, nodeId, now.ToUnixTimeMilliseconds());
        return JsonSerializer.SerializeToUtf8Bytes(record, HealthJsonContext.Default.StateRecord);
    }

    public static byte[] Encode(DnsList list, ListHealthOverride value, string? reason, string nodeId, DateTimeOffset now) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new OverrideRecord(Version, list.Name, value == ListHealthOverride.ForceEnabled ? "forceEnabled" : "forceDisabled", reason is null ? null : Clean(list, reason), nodeId, now.ToUnixTimeMilliseconds()),
            HealthJsonContext.Default.OverrideRecord);

    /// <summary>Reads a state; <paramref name="expectedList"/> null reads any list's (the fleet view).</summary>
    public static StateRecord? TryDecodeState(ReadOnlySpan<byte> value, string? expectedList, DateTimeOffset now, out string? problem)
    {
        var record = Parse(value, HealthJsonContext.Default.StateRecord, out problem);
        problem ??= record is null ? "empty" : CheckState(record, expectedList, now);
        return problem is null ? record : null;
    }

    public static OverrideRecord? TryDecodeOverride(ReadOnlySpan<byte> value, string? expectedList, DateTimeOffset now, out string? problem)
    {
        var record = Parse(value, HealthJsonContext.Default.OverrideRecord, out problem);
        problem ??= record is null ? "empty"
            : record.V != Version ? "not a version-1 override"
            : CheckName(record.List, expectedList) ?? CheckNode(record.By) ?? CheckText(record.Reason)
              ?? (record.Value is not ("forceEnabled" or "forceDisabled") ? "unknown override value"
              : record.At > (now + HealthConstants.ClockSkew).ToUnixTimeMilliseconds() ? "dated in the future" : null);
        return problem is null ? record : null;
    }

    public static ListHealthState StateOf(StateRecord record) => (ListHealthState)Array.IndexOf(StateNames, record.State);

    public static ListHealthOverride OverrideOf(OverrideRecord record) =>
        record.Value == "forceEnabled" ? ListHealthOverride.ForceEnabled : ListHealthOverride.ForceDisabled;

    private static T? Parse<T>(ReadOnlySpan<byte> value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, out string? problem)
        where T : class
    {
        problem = null;
        if (value.Length is 0 or > HealthConstants.MaximumValueBytes)
        {
            problem = "empty or too long";
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(value, type);
        }
        catch (JsonException)
        {
            problem = "not a shared health record"; // the parser's message may quote the value: never logged
            return null;
        }
    }

    private static string? CheckState(StateRecord record, string? expectedList, DateTimeOffset now)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(record.At);
        return record.V != Version ? "not a version-1 state"
            : CheckName(record.List, expectedList) ?? CheckNode(record.By)
            ?? CheckText(record.Zone) ?? CheckText(record.Reason) ?? CheckText(record.DisabledReason)
            ?? (Array.IndexOf(StateNames, record.State) < 0 ? "unknown state"
            : at > now + HealthConstants.ClockSkew ? "dated in the future"
            : at < now - HealthConstants.StatesTimeToLive - HealthConstants.ClockSkew ? "older than any state may live"
            : record.LastProbe is { } probed && probed > record.At + (long)HealthConstants.ClockSkew.TotalMilliseconds ? "probed after it was published"
            : record.Failures < 0 || record.Successes < 0 || record.Unreachable < 0 ? "negative count"
            : record.Evidence.Length > HealthConstants.MaximumEvidence ? "too much evidence"
            : record.Evidence.Select(e => CheckText(e.Name) ?? CheckText(e.Type) ?? CheckText(e.Answer)).FirstOrDefault(p => p is not null));
    }

    private static string? CheckName(string name, string? expected) =>
        string.IsNullOrEmpty(name) || name.Length > HealthConstants.MaximumTextLength ? "bad list name"
        : expected is not null && !string.Equals(name, expected, StringComparison.Ordinal) ? "filed under another list" : null;

    private static string? CheckNode(string node) => NodeIds.IsValid(node) ? null : "bad node id";

    private static string? CheckText(string? text) =>
        text is null || (text.Length <= HealthConstants.MaximumTextLength && !text.Any(char.IsControl)) ? null : "text too long or with control characters";

    /// <summary>Bounded, and the raw zone (which may hold a DQS key) replaced by its display form, whatever the caller redacted.</summary>
    private static string Clean(DnsList list, string text)
    {
        if (!string.Equals(list.Zone, list.DisplayZone, StringComparison.OrdinalIgnoreCase))
        {
            text = text.Replace(list.Zone, list.DisplayZone, StringComparison.OrdinalIgnoreCase);
        }

        text = new string([.. text.Where(c => !char.IsControl(c))]);
        return text.Length <= HealthConstants.MaximumTextLength ? text : text[..HealthConstants.MaximumTextLength];
    }
}

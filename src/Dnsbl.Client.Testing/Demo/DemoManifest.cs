using System.Text.Json;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Testing.Demo;

/// <summary>Reads <c>zones.json</c>: <c>{ "zones": [ { "zone", "type", "file", "kind" } ] }</c>.</summary>
internal static class DemoManifest
{
    public const string FileName = "zones.json";

    public static IReadOnlyList<DemoZoneEntry> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("zones", out var zones) || zones.ValueKind != JsonValueKind.Array)
        {
            throw new ZoneParseException($"{FileName} needs a \"zones\" array.");
        }

        var entries = new List<DemoZoneEntry>();
        foreach (var zone in zones.EnumerateArray())
        {
            var name = Text(zone, "zone");
            var typeText = Text(zone, "type");
            var file = Text(zone, "file");
            var kindText = zone.TryGetProperty("kind", out var kindElement) ? kindElement.GetString() ?? string.Empty : nameof(DnsListKind.IpBlockList);
            if (!ZoneSet.TryParseDatasetType(typeText, out var type))
            {
                throw new ZoneParseException($"{FileName}: zone '{name}' has unknown dataset type '{typeText}' (ip4set, ip6trie, dnset, generic).");
            }

            if (!Enum.TryParse<DnsListKind>(kindText, ignoreCase: true, out var kind))
            {
                throw new ZoneParseException($"{FileName}: zone '{name}' has unknown list kind '{kindText}'.");
            }

            if (file.Contains('/', StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal) || file.StartsWith('.'))
            {
                throw new ZoneParseException($"{FileName}: file '{file}' must be a plain file name in the same folder.");
            }

            entries.Add(new DemoZoneEntry(name, type, file, kind));
        }

        return entries;
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new ZoneParseException($"{FileName}: every zone needs a \"{property}\".");
}

using System.Globalization;
using System.Text.Json;
using Dnsbl.Client.Caching;
using Dnsbl.Client.Messages;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Configuration;

/// <summary>The import-only parts of <see cref="DnsblConfigurationJson"/>: meta rules and message settings, written only when present.</summary>
internal static class DnsblConfigurationJsonExtras
{
    public static void WriteMetaRules(Utf8JsonWriter writer, IReadOnlyList<MetaRule> metaRules)
    {
        if (metaRules.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("MetaRules");
        foreach (var rule in metaRules)
        {
            writer.WriteStartObject();
            writer.WriteString("Name", rule.Name);
            writer.WriteString("Expression", rule.Expression);
            writer.WriteNumber("Weight", rule.Weight);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteTimeLimits(Utf8JsonWriter writer, DnsblCacheOptions? cache, TimeSpan? deadline)
    {
        if (cache is not null)
        {
            writer.WriteStartObject("Cache");
            writer.WriteString("MinimumTtl", cache.MinimumTtl.ToString("c", CultureInfo.InvariantCulture));
            writer.WriteString("MaximumTtl", cache.MaximumTtl.ToString("c", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        if (deadline is { } value)
        {
            writer.WriteString("Deadline", value.ToString("c", CultureInfo.InvariantCulture));
        }
    }

    public static void WriteMessage(Utf8JsonWriter writer, MessageOptions? message)
    {
        if (message is null)
        {
            return;
        }

        writer.WriteStartObject("Message");
        writer.WriteNumber("MaxUriDomains", message.MaxUriDomains);
        writer.WriteBoolean("IncludeMailtoLinks", message.IncludeMailtoLinks);
        writer.WriteStartArray("SkipDomains");
        foreach (var domain in message.SkipDomains)
        {
            writer.WriteStringValue(domain);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

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

    /// <summary>The message options, every one that differs from its default (the binder reads each key back).</summary>
    public static void WriteMessage(Utf8JsonWriter writer, MessageOptions? message)
    {
        if (message is null)
        {
            return;
        }

        var defaults = new MessageOptions();
        writer.WriteStartObject("Message");
        WriteNetworks(writer, nameof(MessageOptions.TrustedNetworks), message.TrustedNetworks);
        WriteNetworks(writer, nameof(MessageOptions.InternalNetworks), message.InternalNetworks);
        WriteNetworks(writer, nameof(MessageOptions.MsaNetworks), message.MsaNetworks);
        if (!message.OriginatingIpHeaders.SequenceEqual(defaults.OriginatingIpHeaders))
        {
            WriteStrings(writer, nameof(MessageOptions.OriginatingIpHeaders), message.OriginatingIpHeaders);
        }

        if (message.MaxCheckedRelays != defaults.MaxCheckedRelays)
        {
            writer.WriteNumber(nameof(MessageOptions.MaxCheckedRelays), message.MaxCheckedRelays);
        }

        if (message.AskReserved)
        {
            writer.WriteBoolean(nameof(MessageOptions.AskReserved), true);
        }

        if (!message.DkimDomainsAsLinks)
        {
            writer.WriteBoolean(nameof(MessageOptions.DkimDomainsAsLinks), false);
        }

        writer.WriteNumber(nameof(MessageOptions.MaxUriDomains), message.MaxUriDomains);
        if (message.BodyPartScanSize != defaults.BodyPartScanSize)
        {
            writer.WriteNumber(nameof(MessageOptions.BodyPartScanSize), message.BodyPartScanSize);
        }

        writer.WriteBoolean(nameof(MessageOptions.IncludeMailtoLinks), message.IncludeMailtoLinks);
        WriteStrings(writer, nameof(MessageOptions.SkipDomains), message.SkipDomains);
        if (!message.RedirectorPatterns.SequenceEqual(defaults.RedirectorPatterns))
        {
            WriteStrings(writer, nameof(MessageOptions.RedirectorPatterns), message.RedirectorPatterns);
        }

        writer.WriteEndObject();
    }

    private static void WriteNetworks(Utf8JsonWriter writer, string name, IReadOnlyList<System.Net.IPNetwork> networks)
    {
        if (networks.Count > 0)
        {
            WriteStrings(writer, name, [.. networks.Select(n => n.ToString())]);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}

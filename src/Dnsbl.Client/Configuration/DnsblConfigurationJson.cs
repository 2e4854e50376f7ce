using System.Globalization;
using System.Text;
using System.Text.Json;
using Dnsbl.Client.Caching;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Configuration;

/// <summary>
/// Writes lists and thresholds as the JSON that options binding reads (an <c>appsettings.json</c> section):
/// <code>
/// { "Dnsbl": {
///     "Lists": [ { "Name": "zen.spamhaus.org", "Zone": "zen.spamhaus.org", "Kind": "IpBlockList",
///                  "Rules": [ { "Filter": "127.0.0.[2..11]", "Weight": 3, "Name": "SBL", "Mode": "AllRecords" } ],
///                  "ErrorCodes": [ "127.0.1.255" ], "FetchText": true, "Timeout": "00:00:02",
///                  "ProbePoints": [ { "Key": "127.0.0.2", "ExpectListed": true } ],
///                  "DomainForm": "FullHostName", "QueriesIpAddresses": true, "DomainSources": "Helo, MailFrom",
///                  "Relays": "LastExternal", "KeyHash": "Sha256", "KeyHashEncoding": "Base32", "KeyHashLength": 32,
///                  "Budget": { "PerMinute": 600, "PerDay": 100000, "WhenExhausted": "KeepAsking", "NearFraction": 0.9 } } ],
///     "Thresholds": { "Reject": 3, "Tag": 2, "AllowList": -1 },
///     "MetaRules": [ { "Name": "RCVD_IN_MSPIKE_BL", "Expression": "RCVD_IN_MSPIKE_L5 || __RCVD_IN_MSPIKE_Z", "Weight": 0.01 } ],
///     "Message": { "TrustedNetworks": [ "192.0.2.0/24" ], "MaxUriDomains": 20, "IncludeMailtoLinks": false, "SkipDomains": [ "example.com" ] },
///     "Cache": { "MinimumTtl": "00:01:00", "MaximumTtl": "01:00:00" }, "Deadline": "00:00:10" } }
/// </code>
/// Name, Zone and Kind are always written; every other setting only when it differs from its default (a rule's Filter is
/// omitted when it matches every code, its Name and Mode when unset). Filters are written in
/// <see cref="ReturnCodeFilter.ToString"/>'s canonical text, which <see cref="ReturnCodeFilter.Parse"/> reads back;
/// enums are written by name (flags joined with ", "); time spans as <c>c</c>-format text; <c>Thresholds.Tag</c> and
/// <c>Thresholds.AllowList</c> as <c>null</c> when off. The zone is written as it is, DQS key included: this is
/// configuration, not a log — keep the file as secret as the key.
/// </summary>
/// <remarks>Thread-safe: static members keep no shared mutable state; call them from any thread.</remarks>
public static partial class DnsblConfigurationJson
{
    /// <summary>Writes an import's lists and thresholds.</summary>
    /// <param name="result">The import result.</param>
    /// <returns>Indented JSON text.</returns>
    public static string Write(DnsblImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Write(result.Lists, result.Thresholds, result.MetaRules, result.MessageOptions, result.Cache, result.Deadline);
    }

    /// <summary>Writes <paramref name="lists"/> and, when given, <paramref name="thresholds"/>.</summary>
    /// <param name="lists">The lists.</param>
    /// <param name="thresholds">The thresholds; null leaves them out.</param>
    /// <returns>Indented JSON text.</returns>
    public static string Write(IEnumerable<DnsList> lists, DnsblThresholds? thresholds = null) => Write(lists, thresholds, [], null, null, null);

    private static string Write(
        IEnumerable<DnsList> lists, DnsblThresholds? thresholds, IReadOnlyList<Scoring.MetaRule> metaRules, Messages.MessageOptions? message, DnsblCacheOptions? cache, TimeSpan? deadline)
    {
        ArgumentNullException.ThrowIfNull(lists);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("Dnsbl");
            writer.WriteStartArray("Lists");
            foreach (var list in lists)
            {
                WriteList(writer, list);
            }

            writer.WriteEndArray();
            if (thresholds is not null)
            {
                writer.WriteStartObject("Thresholds");
                writer.WriteNumber("Reject", thresholds.Reject);
                WriteOptionalNumber(writer, "Tag", thresholds.Tag);
                WriteOptionalNumber(writer, "AllowList", thresholds.AllowList);
                writer.WriteEndObject();
            }

            DnsblConfigurationJsonExtras.WriteMetaRules(writer, metaRules);
            DnsblConfigurationJsonExtras.WriteMessage(writer, message);
            DnsblConfigurationJsonExtras.WriteTimeLimits(writer, cache, deadline);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteOptionalNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteList(Utf8JsonWriter writer, DnsList list)
    {
        var defaults = new DnsList(list.Zone, list.Kind);
        writer.WriteStartObject();
        writer.WriteString(nameof(DnsList.Name), list.Name);
        writer.WriteString(nameof(DnsList.Zone), list.Zone);
        writer.WriteString(nameof(DnsList.Kind), list.Kind.ToString());
        foreach (var setting in DnsListSettings.Optional)
        {
            if (setting.Name != nameof(DnsList.Name) && !DnsListSettings.IsDefault(setting, list, defaults))
            {
                writer.WritePropertyName(setting.Name);
                WriteValue(writer, setting.GetValue(list));
            }
        }

        writer.WriteEndObject();
    }
}

using Dnsbl.Client.Catalogue;
using Dnsbl.Client.Lists;
using Microsoft.Extensions.Configuration;

namespace Dnsbl.Client.Configuration;

/// <summary>
/// Builds one <see cref="DnsList"/> from a configuration entry: a catalogue name (a plain string) or an object in the
/// shape <see cref="DnsblConfigurationJson"/> writes. Problems are reported by key; null means the entry is unusable.
/// </summary>
internal static partial class DnsListBinder
{
    public static DnsList? Bind(IConfigurationSection entry, BindingErrors errors)
    {
        if (!entry.GetChildren().Any())
        {
            return FromCatalogue(entry, errors);
        }

        ReportUnknownKeys(entry, entry.Path, DnsListSettings.Keys, errors);
        var zoneSection = entry.GetSection(nameof(DnsList.Zone));
        if (string.IsNullOrWhiteSpace(zoneSection.Value))
        {
            errors.Add(zoneSection, "missing; every list object needs its Zone (or give a catalogue name as a plain string)");
            return null;
        }

        if (!DomainName.TryNormalize(zoneSection.Value, out var zone, out var zoneError))
        {
            errors.Add(zoneSection, $"'{zoneSection.Value}' is not a valid zone: {zoneError}");
            return null;
        }

        var kind = ConfigurationValues.TryGetEnum<DnsListKind>(entry.GetSection(nameof(DnsList.Kind)), errors, out var k) ? k : DnsListKind.IpBlockList;

        // Settings absent from configuration keep the record's defaults; a missing or blank Name keeps the redacted zone.
        var list = new DnsList(zone, kind);
        foreach (var setting in DnsListSettings.Optional)
        {
            var section = entry.GetSection(setting.Name);
            if (TryRead(setting.PropertyType, section, errors, out var value))
            {
                setting.SetValue(list, value);
            }
        }

        return list;
    }

    private static void ReportUnknownKeys(IConfiguration section, string path, IReadOnlyList<string> known, BindingErrors errors)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(child.Path, $"unknown key; expected one of {string.Join(", ", known)}");
            }
        }
    }

    private static DnsList? FromCatalogue(IConfigurationSection entry, BindingErrors errors)
    {
        var name = entry.Value;
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(entry, "empty; give a catalogue name (e.g. spamhaus-zen) or a list object with a Zone");
            return null;
        }

        if (DnsblCatalogue.TryGet(name, out var list))
        {
            return list;
        }

        if (DnsblCatalogue.IsRetired(name, out var reason))
        {
            errors.Add(entry, $"the list '{name}' is retired and must not be queried: {reason}");
            return null;
        }

        errors.Add(entry, $"'{name}' is not in the DNS list catalogue; known names: {string.Join(", ", DnsblCatalogue.Entries.Select(e => e.Name))}");
        return null;
    }

    private static IReadOnlyList<ReturnCodeRule> BindRules(IConfigurationSection rules, BindingErrors errors)
    {
        var result = new List<ReturnCodeRule>();
        foreach (var rule in rules.GetChildren())
        {
            ReturnCodeFilter? filter = null;
            var filterSection = rule.GetSection("Filter");
            if (filterSection.Value is { } filterText && !ReturnCodeFilterParser.TryParse(filterText, out filter, out var filterError))
            {
                errors.Add(filterSection, $"'{filterText}': {filterError}");
                continue;
            }

            var weightSection = rule.GetSection("Weight");
            if (weightSection.Value is null)
            {
                errors.Add(weightSection, "missing; every rule needs a Weight (negative allow-lists)");
                continue;
            }

            if (!ConfigurationValues.TryGetDouble(weightSection, errors, out var weight))
            {
                continue;
            }

            var mode = ConfigurationValues.TryGetEnum<RecordMatchMode>(rule.GetSection("Mode"), errors, out var m) ? m : RecordMatchMode.AnyRecord;
            result.Add(new ReturnCodeRule(filter, weight) { Name = rule.GetSection("Name").Value, Mode = mode });
        }

        return result;
    }
}

using Dnsbl.Client.Lists;
using Microsoft.Extensions.Configuration;

namespace Dnsbl.Client.Configuration;

/// <summary>
/// Reads a configuration section into <see cref="DnsblOptions"/>. Lists are immutable, so they are built here rather
/// than by the reflection binder; every problem is recorded with its full key and reported by validation.
/// </summary>
internal static partial class DnsblOptionsBinder
{
    private static readonly string[] KnownKeys =
    [
        "Lists", "Sites", "Nameservers", "AttemptTimeout", "Attempts", "Deadline", "ErrorPolicy", "Thresholds", "Cache", "Health",
        "MetaRules", "Message",
    ];

    public static void Bind(IConfiguration section, DnsblOptions options)
    {
        var errors = new BindingErrors(options.BindingErrors);
        var path = section is IConfigurationSection s ? s.Path : string.Empty;
        options.ConfigurationPath = path;
        ReportUnknownKeys(section, path, KnownKeys, errors);
        foreach (var entry in section.GetSection("Lists").GetChildren())
        {
            if (DnsListBinder.Bind(entry, errors) is { } list)
            {
                options.Lists.Add(list);
            }
        }

        BindSites(section.GetSection("Sites"), options, errors);
        BindNameservers(section.GetSection("Nameservers"), options);
        if (ConfigurationValues.TryGetTimeSpan(section.GetSection("AttemptTimeout"), errors, out var attemptTimeout))
        {
            options.AttemptTimeout = attemptTimeout;
        }

        if (ConfigurationValues.TryGetInt(section.GetSection("Attempts"), errors, out var attempts))
        {
            options.Attempts = attempts;
        }

        if (ConfigurationValues.TryGetTimeSpan(section.GetSection("Deadline"), errors, out var deadline))
        {
            options.Deadline = deadline;
        }

        if (ConfigurationValues.TryGetEnum<ErrorPolicy>(section.GetSection("ErrorPolicy"), errors, out var policy))
        {
            options.ErrorPolicy = policy;
        }

        BindThresholds(section.GetSection("Thresholds"), options.Thresholds, errors);
        BindCache(section.GetSection("Cache"), options.Cache, errors);
        BindHealth(section.GetSection("Health"), options, errors);
        BindMetaRules(section.GetSection("MetaRules"), options, errors);
        BindMessage(section.GetSection("Message"), options, errors);
    }

    internal static void ReportUnknownKeys(IConfiguration section, string path, string[] known, BindingErrors errors)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(child.Path, $"unknown key; expected one of {string.Join(", ", known)}");
            }
        }
    }

    /// <summary>Postscreen syntax: one string (or an array of strings) of <c>zone[=filter][*weight]</c> entries.</summary>
    private static void BindSites(IConfigurationSection sites, DnsblOptions options, BindingErrors errors)
    {
        IEnumerable<IConfigurationSection> entries = sites.Value is not null ? [sites] : sites.GetChildren();
        foreach (var entry in entries)
        {
            try
            {
                foreach (var list in DnsList.ParseSites(entry.Value ?? string.Empty))
                {
                    options.Lists.Add(list);
                }
            }
            catch (FormatException e)
            {
                errors.Add(entry, e.Message);
            }
        }
    }

    /// <summary>An array of <c>host[:port]</c>, or one string of them separated by commas or spaces.</summary>
    private static void BindNameservers(IConfigurationSection nameservers, DnsblOptions options)
    {
        var values = nameservers.Value is { } text
            ? text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : nameservers.GetChildren().Select(c => c.Value ?? string.Empty);
        foreach (var value in values)
        {
            options.Nameservers.Add(value);
        }
    }
}

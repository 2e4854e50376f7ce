using Dnsbl.Client.Lists;
using Microsoft.Extensions.Configuration;

namespace Dnsbl.Client.Configuration;

/// <summary>
/// Reads a configuration section into <see cref="DnsblOptions"/>. <c>Lists</c> and <c>Sites</c> build immutable
/// <see cref="DnsList"/>s here; every other key is bound by <see cref="ConfigurationBinder"/> with unknown keys an error,
/// so each public option binds without a list of names to keep in step. Every problem is recorded with its key and
/// reported by validation, one per top-level key.
/// </summary>
internal static partial class DnsblOptionsBinder
{
    private const string ListsKey = nameof(DnsblOptions.Lists);
    private const string SitesKey = "Sites";
    private const string NameserversKey = nameof(DnsblOptions.Nameservers);

    // Bound by the Dnsbl.Client.Redis package (AddDnsblRedis), not onto DnsblOptions.
    private const string RedisKey = "Redis";

    public static void Bind(IConfiguration section, DnsblOptions options)
    {
        var errors = new BindingErrors(options.BindingErrors);
        var path = section is IConfigurationSection s ? s.Path : string.Empty;
        options.ConfigurationPath = path;
        foreach (var entry in section.GetSection(ListsKey).GetChildren())
        {
            if (DnsListBinder.Bind(entry, errors) is { } list)
            {
                options.Lists.Add(list);
            }
        }

        BindSites(section.GetSection(SitesKey), options, errors);
        BindMetaRules(section.GetSection(MetaRulesKey), options, errors);
        BindMessage(section.GetSection(MessageKey), options, errors);
        foreach (var child in section.GetChildren())
        {
            if (!IsKey(child, ListsKey) && !IsKey(child, SitesKey) && !IsKey(child, MetaRulesKey) && !IsKey(child, MessageKey) && !IsKey(child, RedisKey))
            {
                BindOption(child, options, errors);
            }
        }
    }

    /// <summary>
    /// Binds one top-level key (and what is under it) onto the options. The key is copied into a configuration of its
    /// own so the binder sees nothing else, and so one bad key does not hide the problems of the next.
    /// </summary>
    private static void BindOption(IConfigurationSection child, DnsblOptions options, BindingErrors errors)
    {
        // Full keys, so the binder's own messages name the key as the operator wrote it (Dnsbl:Cache:SizeLimit).
        var values = child.AsEnumerable();
        if (IsKey(child, NameserversKey) && child.Value is { } text)
        {
            // One string of host[:port] entries is accepted as well as an array.
            values = text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select((server, i) => KeyValuePair.Create($"{child.Path}:{i}", (string?)server));
        }

        var parentPath = child.Path[..^child.Key.Length].TrimEnd(':');
        var isolated = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        try
        {
            (parentPath.Length == 0 ? (IConfiguration)isolated : isolated.GetSection(parentPath))
                .Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            errors.Add(child, e.Message);
        }
    }

    private static bool IsKey(IConfigurationSection section, string key) => string.Equals(section.Key, key, StringComparison.OrdinalIgnoreCase);

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
}

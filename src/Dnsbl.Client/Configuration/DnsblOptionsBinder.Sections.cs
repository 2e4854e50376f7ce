using Dnsbl.Client.Caching;
using Dnsbl.Client.Scoring;
using Microsoft.Extensions.Configuration;

namespace Dnsbl.Client.Configuration;

internal static partial class DnsblOptionsBinder
{
    private static readonly string[] ThresholdKeys = ["Reject", "Tag", "AllowList"];
    private static readonly string[] CacheKeys = ["Enabled", "MinimumTtl", "MaximumTtl", "SizeLimit"];

    private static void BindThresholds(IConfigurationSection section, DnsblThresholds thresholds, BindingErrors errors)
    {
        ReportUnknownKeys(section, section.Path, ThresholdKeys, errors);
        if (ConfigurationValues.TryGetDouble(section.GetSection("Reject"), errors, out var reject))
        {
            thresholds.Reject = reject;
        }

        // JSON null arrives as an empty value: it switches the threshold off.
        if (TryGetOptionalDouble(section.GetSection("Tag"), errors, out var tag))
        {
            thresholds.Tag = tag;
        }

        if (TryGetOptionalDouble(section.GetSection("AllowList"), errors, out var allow))
        {
            thresholds.AllowList = allow;
        }
    }

    private static bool TryGetOptionalDouble(IConfigurationSection section, BindingErrors errors, out double? value)
    {
        value = null;
        if (section.Value is null)
        {
            return false;
        }

        if (section.Value.Length == 0)
        {
            return true;
        }

        var ok = ConfigurationValues.TryGetDouble(section, errors, out var number);
        value = number;
        return ok;
    }

    private static void BindCache(IConfigurationSection section, DnsblCacheOptions cache, BindingErrors errors)
    {
        ReportUnknownKeys(section, section.Path, CacheKeys, errors);
        if (ConfigurationValues.TryGetBool(section.GetSection("Enabled"), errors, out var enabled))
        {
            cache.Enabled = enabled;
        }

        if (ConfigurationValues.TryGetTimeSpan(section.GetSection("MinimumTtl"), errors, out var minimum))
        {
            cache.MinimumTtl = minimum;
        }

        if (ConfigurationValues.TryGetTimeSpan(section.GetSection("MaximumTtl"), errors, out var maximum))
        {
            cache.MaximumTtl = maximum;
        }

        if (ConfigurationValues.TryGetInt(section.GetSection("SizeLimit"), errors, out var sizeLimit))
        {
            cache.SizeLimit = sizeLimit;
        }
    }

    /// <summary>Health options are plain settable values: the reflection binder suits them; unknown keys are errors.</summary>
    private static void BindHealth(IConfigurationSection section, DnsblOptions options, BindingErrors errors)
    {
        try
        {
            section.Bind(options.Health, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            errors.Add(section, e.Message);
        }
    }
}

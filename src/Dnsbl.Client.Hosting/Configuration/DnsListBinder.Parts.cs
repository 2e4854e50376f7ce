using Dnsbl.Client.Lists;
using Microsoft.Extensions.Configuration;

namespace Dnsbl.Client.Configuration;

internal static partial class DnsListBinder
{
    /// <summary>Reads one setting by its type; false when the key is absent or bad (bad values are reported by key).</summary>
    private static bool TryRead(Type type, IConfigurationSection section, BindingErrors errors, out object? value)
    {
        value = null;
        if (section.Value is null && !section.GetChildren().Any())
        {
            return false;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        bool ok;
        (ok, value) = type switch
        {
            _ when type == typeof(string) => (true, section.Value),
            _ when type == typeof(bool) => (ConfigurationValues.TryGetBool(section, errors, out var flag), flag),
            _ when type == typeof(int) => (ConfigurationValues.TryGetInt(section, errors, out var number), number),
            _ when type == typeof(double) => (ConfigurationValues.TryGetDouble(section, errors, out var number), number),
            _ when type == typeof(TimeSpan) => (ConfigurationValues.TryGetTimeSpan(section, errors, out var span), span),
            _ when type.IsEnum => (ConfigurationValues.TryGetEnum(type, section, errors, out var named), named),
            _ when type == typeof(IReadOnlyList<ReturnCodeRule>) => (true, BindRules(section, errors)),
            _ when type == typeof(IReadOnlyList<ReturnCodeFilter>) => (true, BindErrorCodes(section, errors)),
            _ when type == typeof(IReadOnlyList<ProbePoint>) => (true, BindProbePoints(section, errors)),
            _ when type == typeof(ListBudget) => (true, BindBudget(section, errors)),
            _ => throw new NotSupportedException($"A DnsList setting of type {type} cannot be bound from configuration yet; teach DnsListBinder to read it."),
        };
        return ok;
    }

    private static IReadOnlyList<ReturnCodeFilter> BindErrorCodes(IConfigurationSection codes, BindingErrors errors)
    {
        var result = new List<ReturnCodeFilter>();
        foreach (var code in codes.GetChildren())
        {
            if (ReturnCodeFilterParser.TryParse(code.Value ?? string.Empty, out var filter, out var error))
            {
                result.Add(filter);
            }
            else
            {
                errors.Add(code, $"'{code.Value}': {error}");
            }
        }

        return result;
    }

    private static IReadOnlyList<ProbePoint>? BindProbePoints(IConfigurationSection points, BindingErrors errors)
    {
        if (!points.GetChildren().Any())
        {
            return null;
        }

        var result = new List<ProbePoint>();
        foreach (var point in points.GetChildren())
        {
            var key = point.GetSection("Key");
            if (string.IsNullOrWhiteSpace(key.Value))
            {
                errors.Add(key, "missing; a probe point needs the Key to ask (e.g. 127.0.0.2)");
                continue;
            }

            var expectListed = ConfigurationValues.TryGetBool(point.GetSection("ExpectListed"), errors, out var listed) && listed;
            result.Add(new ProbePoint(key.Value.Trim(), expectListed));
        }

        return result;
    }
}

using Dnsbl.Client.Lists;
using Microsoft.Extensions.Configuration;

namespace Dnsbl.Client.Configuration;

internal static partial class DnsListBinder
{
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

    /// <summary>The scalar settings of a list object, defaults where a key is absent or bad.</summary>
    private readonly record struct ListValues(
        bool FetchText,
        TimeSpan? Timeout,
        DomainQueryForm DomainForm,
        bool QueriesIpAddresses,
        DomainSources DomainSources,
        RelaySelection Relays,
        KeyHashAlgorithm KeyHash,
        KeyHashEncoding KeyHashEncoding,
        int KeyHashLength)
    {
        public static ListValues Read(IConfigurationSection entry, BindingErrors errors) => new(
            ConfigurationValues.TryGetBool(entry.GetSection("FetchText"), errors, out var fetchText) && fetchText,
            ConfigurationValues.TryGetTimeSpan(entry.GetSection("Timeout"), errors, out var timeout) ? timeout : null,
            ConfigurationValues.TryGetEnum<DomainQueryForm>(entry.GetSection("DomainForm"), errors, out var form) ? form : DomainQueryForm.RegisteredDomain,
            ConfigurationValues.TryGetBool(entry.GetSection("QueriesIpAddresses"), errors, out var ips) && ips,
            ConfigurationValues.TryGetEnum<DomainSources>(entry.GetSection("DomainSources"), errors, out var sources) ? sources : DomainSources.All,
            ConfigurationValues.TryGetEnum<RelaySelection>(entry.GetSection("Relays"), errors, out var relays) ? relays : RelaySelection.ConnectingClient,
            ConfigurationValues.TryGetEnum<KeyHashAlgorithm>(entry.GetSection("KeyHash"), errors, out var hash) ? hash : KeyHashAlgorithm.None,
            ConfigurationValues.TryGetEnum<KeyHashEncoding>(entry.GetSection("KeyHashEncoding"), errors, out var encoding) ? encoding : KeyHashEncoding.Hex,
            ConfigurationValues.TryGetInt(entry.GetSection("KeyHashLength"), errors, out var length) ? length : 0);
    }
}

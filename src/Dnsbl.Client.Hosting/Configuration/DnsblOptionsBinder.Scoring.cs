using System.Net;
using Dnsbl.Client.Messages;
using Dnsbl.Client.Scoring;
using Microsoft.Extensions.Configuration;

namespace Dnsbl.Client.Configuration;

internal static partial class DnsblOptionsBinder
{
    // Meta rules (constructor-validated) and message options (init-only lists) are read here, not by ConfigurationBinder.
    private const string MetaRulesKey = nameof(DnsblOptions.MetaRules);
    private const string MessageKey = nameof(DnsblOptions.Message);

    private static readonly string[] MetaRuleKeys = ["Name", "Expression", "Weight"];
    private static readonly string[] MessageKeys = ["TrustedNetworks", "MaxUriDomains", "SkipDomains", "IncludeMailtoLinks"];

    /// <summary><c>MetaRules</c>: an array of <c>{ Name, Expression, Weight }</c> (what the SpamAssassin import writes).</summary>
    private static void BindMetaRules(IConfigurationSection section, DnsblOptions options, BindingErrors errors)
    {
        foreach (var entry in section.GetChildren())
        {
            ReportUnknownSubKeys(entry, entry.Path, MetaRuleKeys, errors);
            var name = entry["Name"];
            var expression = entry["Expression"];
            if (string.IsNullOrWhiteSpace(name) || expression is null)
            {
                errors.Add(entry, "a meta rule needs a Name and an Expression");
                continue;
            }

            var weight = 1.0;
            if (entry.GetSection("Weight").Value is not null && !ConfigurationValues.TryGetDouble(entry.GetSection("Weight"), errors, out weight))
            {
                continue;
            }

            try
            {
                options.MetaRules.Add(new MetaRule(name, expression, weight));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                errors.Add(entry.GetSection("Expression"), e.Message);
            }
        }
    }

    /// <summary><c>Message</c>: the default <see cref="MessageOptions"/> of message checks.</summary>
    private static void BindMessage(IConfigurationSection section, DnsblOptions options, BindingErrors errors)
    {
        if (!section.Exists())
        {
            return;
        }

        ReportUnknownSubKeys(section, section.Path, MessageKeys, errors);
        var networks = new List<IPNetwork>();
        foreach (var entry in section.GetSection("TrustedNetworks").GetChildren())
        {
            if (IPNetwork.TryParse(entry.Value, out var network))
            {
                networks.Add(network);
            }
            else
            {
                errors.Add(entry, $"'{entry.Value}' is not a network in CIDR notation (e.g. 192.0.2.0/24)");
            }
        }

        var maxDomains = new MessageOptions().MaxUriDomains;
        if (section.GetSection("MaxUriDomains").Value is not null && ConfigurationValues.TryGetInt(section.GetSection("MaxUriDomains"), errors, out var max))
        {
            if (max < 0)
            {
                errors.Add(section.GetSection("MaxUriDomains"), "must be 0 or more");
            }
            else
            {
                maxDomains = max;
            }
        }

        var includeMailto = false;
        if (section.GetSection("IncludeMailtoLinks").Value is not null && ConfigurationValues.TryGetBool(section.GetSection("IncludeMailtoLinks"), errors, out var include))
        {
            includeMailto = include;
        }

        var skipSection = section.GetSection("SkipDomains");
        options.Message = new MessageOptions
        {
            TrustedNetworks = networks,
            MaxUriDomains = maxDomains,
            IncludeMailtoLinks = includeMailto,
            SkipDomains = skipSection.Exists() ? [.. skipSection.GetChildren().Select(c => c.Value).OfType<string>()] : new MessageOptions().SkipDomains,
        };
    }

    private static void ReportUnknownSubKeys(IConfiguration section, string path, string[] known, BindingErrors errors)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(child.Path, $"unknown key; expected one of {string.Join(", ", known)}");
            }
        }
    }
}

using Dnsbl.Client.Scoring;
using Microsoft.Extensions.Configuration;

namespace Dnsbl.Client.Configuration;

internal static partial class DnsblOptionsBinder
{
    // Meta rules (constructor-validated) and message options (init-only lists) are read here, not by ConfigurationBinder.
    private const string MetaRulesKey = nameof(DnsblOptions.MetaRules);

    private static readonly string[] MetaRuleKeys = ["Name", "Expression", "Weight"];

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

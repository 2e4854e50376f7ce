using Dnsbl.Client.Lists;
using Microsoft.Extensions.Configuration;

namespace Dnsbl.Client.Configuration;

internal static partial class DnsListBinder
{
    private static readonly string[] BudgetKeys = [nameof(ListBudget.PerMinute), nameof(ListBudget.PerDay), nameof(ListBudget.WhenExhausted), nameof(ListBudget.NearFraction)];

    /// <summary>
    /// Reads <c>Dnsbl:Lists:N:Budget</c> (<c>PerMinute</c>, <c>PerDay</c>, <c>WhenExhausted</c>: Skip|KeepAsking,
    /// <c>NearFraction</c>); unknown keys, limits below 1, a fraction outside (0, 1] and a budget without a limit are named.
    /// </summary>
    private static ListBudget? BindBudget(IConfigurationSection section, BindingErrors errors)
    {
        ReportUnknownKeys(section, section.Path, BudgetKeys, errors);
        var perMinute = ReadLimit(section.GetSection(nameof(ListBudget.PerMinute)), errors);
        var perDay = ReadLimit(section.GetSection(nameof(ListBudget.PerDay)), errors);
        if (perMinute is null && perDay is null)
        {
            errors.Add(section, "a budget needs PerMinute or PerDay (or both); leave Budget out for no limit");
            return null;
        }

        var budget = new ListBudget { PerMinute = perMinute, PerDay = perDay };
        if (ConfigurationValues.TryGetEnum<BudgetExhaustedAction>(section.GetSection(nameof(ListBudget.WhenExhausted)), errors, out var action))
        {
            budget = budget with { WhenExhausted = action };
        }

        var fractionSection = section.GetSection(nameof(ListBudget.NearFraction));
        if (fractionSection.Value is not null && ConfigurationValues.TryGetDouble(fractionSection, errors, out var fraction))
        {
            if (fraction is > 0 and <= 1)
            {
                budget = budget with { NearFraction = fraction };
            }
            else
            {
                errors.Add(fractionSection, $"{fraction} is not a fraction in (0, 1]");
            }
        }

        return budget;
    }

    private static int? ReadLimit(IConfigurationSection section, BindingErrors errors)
    {
        if (section.Value is null || !ConfigurationValues.TryGetInt(section, errors, out var limit))
        {
            return null;
        }

        if (limit < 1)
        {
            errors.Add(section, $"{limit} is not a limit; at least 1 query");
            return null;
        }

        return limit;
    }
}

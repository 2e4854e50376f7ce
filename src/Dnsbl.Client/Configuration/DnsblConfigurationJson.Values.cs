using System.Globalization;
using System.Text.Json;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Scoring;

namespace Dnsbl.Client.Configuration;

// The JSON form of each setting's value: scalars, rules, budgets, probe points and lists of them.
public static partial class DnsblConfigurationJson
{
    /// <summary>One setting's value; a type with no JSON form here fails loudly (and the round-trip test with it).</summary>
    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case string or Enum or ReturnCodeFilter:
                writer.WriteStringValue(value.ToString());
                break;
            case TimeSpan span:
                writer.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture));
                break;
            case ReturnCodeRule rule:
                WriteRule(writer, rule);
                break;
            case ListBudget budget:
                WriteBudget(writer, budget);
                break;
            case ProbePoint point:
                writer.WriteStartObject();
                writer.WriteString(nameof(ProbePoint.Key), point.Key);
                writer.WriteBoolean(nameof(ProbePoint.ExpectListed), point.ExpectListed);
                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"A DnsList setting of type {value.GetType()} has no JSON form; teach DnsblConfigurationJson and the configuration binder to carry it.");
        }
    }

    private static void WriteBudget(Utf8JsonWriter writer, ListBudget budget)
    {
        writer.WriteStartObject();
        if (budget.PerMinute is { } perMinute)
        {
            writer.WriteNumber(nameof(ListBudget.PerMinute), perMinute);
        }

        if (budget.PerDay is { } perDay)
        {
            writer.WriteNumber(nameof(ListBudget.PerDay), perDay);
        }

        if (budget.WhenExhausted != BudgetExhaustedAction.Skip)
        {
            writer.WriteString(nameof(ListBudget.WhenExhausted), budget.WhenExhausted.ToString());
        }

        if (budget.NearFraction != new ListBudget().NearFraction)
        {
            writer.WriteNumber(nameof(ListBudget.NearFraction), budget.NearFraction);
        }

        writer.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter writer, ReturnCodeRule rule)
    {
        writer.WriteStartObject();
        if (rule.Filter is not null && !rule.Filter.Equals(ReturnCodeFilter.Any))
        {
            writer.WriteString("Filter", rule.Filter.ToString());
        }

        writer.WriteNumber("Weight", rule.Weight);
        if (rule.Name is not null)
        {
            writer.WriteString("Name", rule.Name);
        }

        if (rule.Mode != RecordMatchMode.AnyRecord)
        {
            writer.WriteString("Mode", rule.Mode.ToString());
        }

        writer.WriteEndObject();
    }
}

using System.Collections;
using System.Reflection;
using Dnsbl.Client.Configuration;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.DependencyInjection;

namespace Dnsbl.Client.Tests.Configuration;

/// <summary>
/// Every settable property of <see cref="DnsList"/> survives <see cref="DnsblConfigurationJson"/> and configuration
/// binding. The properties are found by reflection: a new setting without JSON or binding support fails here.
/// </summary>
public sealed class DnsListSettingsRoundTripTests
{
    [Fact]
    public void Bind_WrittenListWithEverySettingChanged_ReadsBackEverySetting()
    {
        var fresh = new DnsList("placeholder.example");
        var source = new DnsList("placeholder.example");
        foreach (var setting in Settable())
        {
            setting.SetValue(source, SampleFor(setting, setting.GetValue(fresh)));
        }

        var json = DnsblConfigurationJson.Write([source]);
        var bound = Assert.Single(OptionsFromJson.Bind(json).Lists);

        foreach (var setting in Settable())
        {
            Assert.False(SameValue(setting.GetValue(fresh), setting.GetValue(source)), $"the sample for {setting.Name} is its default");
            Assert.True(SameValue(setting.GetValue(source), setting.GetValue(bound)), $"{setting.Name} did not survive JSON and binding:\n{json}");
        }
    }

    [Fact]
    public void With_ZoneChanged_DefaultNameFollowsTheRedactedZone()
    {
        var list = new DnsList("zen.spamhaus.org") { FetchText = true };

        var keyed = list with { Zone = "k3y0f1234567890abcdefghijk.zen.dq.spamhaus.net" };

        Assert.Equal($"{ZoneRedactor.Mask}.zen.dq.spamhaus.net", keyed.Name);
        Assert.True(keyed.FetchText);
        Assert.Equal("zen.spamhaus.org", list.Name);
        Assert.Equal("shown", (list with { Name = "shown" } with { Zone = "other.example" }).Name);
    }

    [Fact]
    public void Equals_SameSettings_ListsStayDistinct()
    {
        var first = new DnsList("bl.example");
        var second = new DnsList("bl.example");

        Assert.NotEqual(first, second);
        Assert.NotEqual(first, first with { });
        Assert.Equal(first, first);
    }

    private static IEnumerable<PropertyInfo> Settable() =>
        typeof(DnsList).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    /// <summary>A value unlike <paramref name="current"/> for each setting type; an unknown type fails the test on purpose.</summary>
    private static object SampleFor(PropertyInfo setting, object? current)
    {
        var type = Nullable.GetUnderlyingType(setting.PropertyType) ?? setting.PropertyType;
        if (setting.Name == nameof(DnsList.Kind))
        {
            return DnsListKind.DomainBlockList; // not the default, and the kind a BodyPattern is valid on
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).Cast<object>().Last(v => !v.Equals(current));
        }

        return setting.Name switch
        {
            nameof(DnsList.Zone) => "bl.example.org",
            nameof(DnsList.Name) => "shown name",
            nameof(DnsList.BodyPattern) => @"\b([13][a-km-zA-HJ-NP-Z1-9]{25,34})\b",
            _ when type == typeof(bool) => !(bool)current!,
            _ when type == typeof(int) => 32,
            _ when type == typeof(TimeSpan) => TimeSpan.FromMilliseconds(2500),
            _ when type == typeof(IReadOnlyList<ReturnCodeRule>) => new ReturnCodeRule[]
            {
                new(ReturnCodeFilter.Parse("127.0.0.[2..11]"), 3) { Name = "SBL", Mode = RecordMatchMode.AllRecords },
                new(null, -0.5),
            },
            _ when type == typeof(IReadOnlyList<ReturnCodeFilter>) => new[] { ReturnCodeFilter.Parse("127.0.1.255") },
            _ when type == typeof(IReadOnlyList<ProbePoint>) => new[] { new ProbePoint("127.0.0.9", true) },
            _ when type == typeof(ListBudget) => new ListBudget { PerMinute = 600, PerDay = 100_000, WhenExhausted = BudgetExhaustedAction.KeepAsking, NearFraction = 0.9 },
            _ => throw new InvalidOperationException($"No sample for DnsList.{setting.Name} ({type}): add one here, and JSON and binding support."),
        };
    }

    private static bool SameValue(object? left, object? right) =>
        left is IEnumerable items and not string && right is IEnumerable others
            ? items.Cast<object?>().SequenceEqual(others.Cast<object?>())
            : Equals(left, right);
}

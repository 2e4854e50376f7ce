using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dnsbl.Client.Tests.DependencyInjection;

/// <summary>
/// Every public settable option of <see cref="DnsblOptions"/>, nested options included, can be set from configuration.
/// The options are found by reflection, so a new option that configuration cannot reach fails here. <c>Lists</c> has
/// its own round trip (DnsListSettingsRoundTripTests).
/// </summary>
public sealed class DnsblOptionsBindingCoverageTests
{
    // Values the generic choice below would give but cross-field validation refuses (AllowList must stay below Reject).
    private static readonly Dictionary<string, string> Overrides = new(StringComparer.Ordinal)
    {
        ["Thresholds:Reject"] = "7.5",
        ["Thresholds:Tag"] = "4.5",
        ["Thresholds:AllowList"] = "-3.5",
    };

    [Fact]
    public void AddDnsbl_EveryPublicOptionInConfiguration_BindsEachValue()
    {
        var fresh = new DnsblOptions();
        var leaves = Leaves(typeof(DnsblOptions), fresh, prefix: string.Empty).ToList();
        var values = leaves.ToDictionary(l => $"Dnsbl:{l.Key}", l => (string?)l.Text);

        var bound = Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

        Assert.Contains(leaves, l => l.Key == "UseCaseRandomization");
        Assert.Contains(leaves, l => l.Key == "Health:RefusalProbeSpacing");
        foreach (var leaf in leaves)
        {
            Assert.False(Same(leaf.Expected, leaf.Read(fresh)), $"the sample for {leaf.Key} is its default");
            Assert.True(Same(leaf.Expected, leaf.Read(bound)), $"{leaf.Key} = {leaf.Text} did not bind");
        }
    }

    [Fact]
    public void AddDnsbl_UseCaseRandomizationInAppSettings_IsSet()
    {
        using var file = new JsonConfigurationFile("""{ "Dnsbl": { "Lists": [ "spamhaus-zen" ], "UseCaseRandomization": true } }""");

        Assert.True(Bind(file.Root).UseCaseRandomization);
    }

    [Fact]
    public void AddDnsbl_UnknownNestedKey_FailureNamesTheKey()
    {
        var failures = OptionsFromJson.Failures("""{ "Dnsbl": { "Cache": { "SizeLimt": 10 } } }""");

        var failure = Assert.Single(failures);
        Assert.StartsWith("Dnsbl:Cache: ", failure, StringComparison.Ordinal);
        Assert.Contains("'SizeLimt'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDnsbl_NestedRangeAndCrossFieldProblems_ReportsEveryFullMessage()
    {
        var failures = OptionsFromJson.Failures("""{ "Dnsbl": { "Cache": { "MinimumTtl": "2.00:00:00" }, "Health": { "Jitter": 3 } } }""");

        Assert.Equal(
            [
                "Dnsbl:Cache:MinimumTtl: The field MinimumTtl must be between 00:00:00 and 1.00:00:00.",
                "Dnsbl:Health:Jitter: The field Jitter must be between 0 and 0.5.",
                "Dnsbl:Cache:MinimumTtl (2.00:00:00) is greater than Dnsbl:Cache:MaximumTtl (01:00:00).",
            ],
            failures);
    }

    private static DnsblOptions Bind(IConfiguration root)
    {
        using var provider = new ServiceCollection().AddDnsbl(root.GetSection("Dnsbl")).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<DnsblOptions>>().Value;
    }

    private sealed record Leaf(string Key, string Text, object Expected, Func<DnsblOptions, object?> Read);

    private static IEnumerable<Leaf> Leaves(Type type, object current, string prefix, Func<DnsblOptions, object?>? owner = null)
    {
        owner ??= o => o;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = prefix + property.Name;
            var value = property.GetValue(current);
            Func<DnsblOptions, object?> read = o => property.GetValue(owner(o)!);
            // Lists, MetaRules and Message have binders of their own (immutable or constructor-validated types), covered by
            // DnsListSettingsRoundTripTests, SpamAssassinImportJsonTests and MessageOptionsBindingTests.
            if (key is nameof(DnsblOptions.Lists) or nameof(DnsblOptions.MetaRules) or nameof(DnsblOptions.Message))
            {
                continue;
            }

            if (property.PropertyType.Assembly == typeof(DnsblOptions).Assembly && property.PropertyType.IsClass)
            {
                foreach (var leaf in Leaves(property.PropertyType, value!, key + ":", read))
                {
                    yield return leaf;
                }

                continue;
            }

            if (property.SetMethod is not { IsPublic: true } && property.PropertyType != typeof(IList<string>))
            {
                continue; // computed, read-only
            }

            var (text, expected) = Sample(key, property, value);
            yield return new Leaf(key, text, expected, read);
        }
    }

    /// <summary>A valid value unlike the default, as configuration text and as the bound value.</summary>
    private static (string Text, object Expected) Sample(string key, PropertyInfo property, object? current)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var range = property.GetCustomAttribute<RangeAttribute>();
        if (Overrides.TryGetValue(key, out var overridden))
        {
            return (overridden, double.Parse(overridden, CultureInfo.InvariantCulture));
        }

        if (type == typeof(IList<string>))
        {
            return ("127.0.0.1:5353", new List<string> { "127.0.0.1:5353" });
        }

        if (type.IsEnum)
        {
            var other = Enum.GetValues(type).Cast<object>().First(v => !v.Equals(current));
            return (other.ToString()!, other);
        }

        object sample = type switch
        {
            _ when type == typeof(bool) => !(bool)current!,
            _ when type == typeof(TimeSpan) => Pick(range is null ? null : [TimeSpan.Parse((string)range.Minimum, CultureInfo.InvariantCulture), TimeSpan.Parse((string)range.Maximum, CultureInfo.InvariantCulture)], current, TimeSpan.FromSeconds(7)),
            _ when type == typeof(int) => Pick(range is null ? null : [Convert.ToInt32(range.Minimum, CultureInfo.InvariantCulture), Convert.ToInt32(range.Maximum, CultureInfo.InvariantCulture)], current, 7),
            _ when type == typeof(double) => Pick(range is null ? null : [Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture), Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture)], current, 0.25),
            _ => throw new InvalidOperationException($"No configuration sample for option {key} ({type}): add one, and check it binds."),
        };
        return (Convert.ToString(sample, CultureInfo.InvariantCulture)!, sample);
    }

    /// <summary>The range's minimum, or its maximum when the minimum is the default; without a range, <paramref name="fallback"/>.</summary>
    private static object Pick(object[]? bounds, object? current, object fallback) =>
        bounds is null ? fallback : bounds[0].Equals(current) ? bounds[1] : bounds[0];

    private static bool Same(object? expected, object? actual) =>
        expected is IList<string> items && actual is IList<string> others ? items.SequenceEqual(others) : Equals(expected, actual);
}

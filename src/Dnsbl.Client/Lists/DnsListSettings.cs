using System.Collections;
using System.Reflection;

namespace Dnsbl.Client.Lists;

/// <summary>
/// The settings of a <see cref="DnsList"/> as configuration sees them: its public settable properties, read from the
/// record itself so that configuration binding and the JSON writer never keep a list of names of their own.
/// </summary>
internal static class DnsListSettings
{
    /// <summary>Every settable property, in declaration order; <see cref="DnsList.Zone"/> and <see cref="DnsList.Kind"/> first.</summary>
    public static IReadOnlyList<PropertyInfo> All { get; } =
    [
        .. typeof(DnsList).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .OrderBy(p => p.Name switch { nameof(DnsList.Zone) => 0, nameof(DnsList.Kind) => 1, _ => 2 })
            .ThenBy(p => p.MetadataToken),
    ];

    /// <summary>The settings after the constructor's two (zone and kind).</summary>
    public static IReadOnlyList<PropertyInfo> Optional { get; } =
        [.. All.Where(p => p.Name is not (nameof(DnsList.Zone) or nameof(DnsList.Kind)))];

    /// <summary>The configuration keys of a list object: the setting names.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. All.Select(p => p.Name)];

    /// <summary>Whether <paramref name="list"/> keeps the value a fresh list of its zone and kind has for <paramref name="setting"/>.</summary>
    public static bool IsDefault(PropertyInfo setting, DnsList list, DnsList defaults)
    {
        var value = setting.GetValue(list);
        var defaultValue = setting.GetValue(defaults);
        return value is IEnumerable items and not string && defaultValue is IEnumerable defaultItems
            ? items.Cast<object?>().SequenceEqual(defaultItems.Cast<object?>())
            : Equals(value, defaultValue);
    }
}

using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Dnsbl.Client.Configuration;

/// <summary>Reads single configuration values, reporting a bad one by key instead of throwing.</summary>
internal static class ConfigurationValues
{
    public static bool TryGetTimeSpan(IConfigurationSection section, BindingErrors errors, out TimeSpan value)
    {
        value = default;
        if (section.Value is not { } text)
        {
            return false;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        errors.Add(section, $"'{text}' is not a time span; write it as hh:mm:ss[.fff], e.g. 00:00:02");
        return false;
    }

    public static bool TryGetDouble(IConfigurationSection section, BindingErrors errors, out double value)
    {
        value = default;
        if (section.Value is not { } text)
        {
            return false;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }

        errors.Add(section, $"'{text}' is not a number");
        return false;
    }

    public static bool TryGetInt(IConfigurationSection section, BindingErrors errors, out int value)
    {
        value = default;
        if (section.Value is not { } text)
        {
            return false;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        errors.Add(section, $"'{text}' is not a whole number");
        return false;
    }

    public static bool TryGetBool(IConfigurationSection section, BindingErrors errors, out bool value)
    {
        value = default;
        if (section.Value is not { } text)
        {
            return false;
        }

        if (bool.TryParse(text, out value))
        {
            return true;
        }

        errors.Add(section, $"'{text}' is not true or false");
        return false;
    }

    /// <summary>Reads an enum by name (flags joined with commas); numbers are refused, they hide typos.</summary>
    public static bool TryGetEnum<T>(IConfigurationSection section, BindingErrors errors, out T value)
        where T : struct, Enum
    {
        var ok = TryGetEnum(typeof(T), section, errors, out var boxed);
        value = ok ? (T)boxed! : default;
        return ok;
    }

    /// <summary>Reads an enum of <paramref name="type"/> by name, as <see cref="TryGetEnum{T}"/> does.</summary>
    public static bool TryGetEnum(Type type, IConfigurationSection section, BindingErrors errors, out object? value)
    {
        value = null;
        if (section.Value is not { } text)
        {
            return false;
        }

        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length > 0 && names.All(n => !char.IsAsciiDigit(n[0]) && n[0] != '-') && Enum.TryParse(type, text, ignoreCase: true, out value)
            && (type.IsDefined(typeof(FlagsAttribute), inherit: false) || Enum.IsDefined(type, value)))
        {
            return true;
        }

        value = null;
        errors.Add(section, $"'{text}' is not one of {string.Join(", ", Enum.GetNames(type))}");
        return false;
    }
}

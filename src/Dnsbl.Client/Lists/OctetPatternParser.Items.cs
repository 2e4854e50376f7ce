using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Dnsbl.Client.Lists;

/// <summary>The items of one octet: a number 0..255 or, inside brackets, a range <c>a..b</c> with a ≤ b.</summary>
internal static partial class OctetPatternParser
{
    private static bool TryReadItem(string item, string where, int index, ulong[] bits, bool allowRange, [NotNullWhen(false)] out string? error)
    {
        var dots = item.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            if (!TryReadValue(item, where, out var value, out error))
            {
                return false;
            }

            OctetPatternCodeFilter.Add(bits, index, value);
            return true;
        }

        if (!allowRange)
        {
            error = $"{where}: range '{item}' must be inside brackets";
            return false;
        }

        if (!TryReadValue(item[..dots], where, out var low, out error) || !TryReadValue(item[(dots + 2)..], where, out var high, out error))
        {
            return false;
        }

        if (low > high)
        {
            error = $"{where}: range {low}..{high} is reversed";
            return false;
        }

        for (var value = low; value <= high; value++)
        {
            OctetPatternCodeFilter.Add(bits, index, value);
        }

        return true;
    }

    private static bool TryReadValue(string text, string where, out int value, [NotNullWhen(false)] out string? error)
    {
        if (text.Length is 0 or > 3 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            value = 0;
            error = text.Length == 0 ? $"{where}: missing number" : $"{where}: '{text}' is not a number";
            return false;
        }

        if (value > 255)
        {
            error = $"{where}: {value} is not in 0..255";
            return false;
        }

        error = null;
        return true;
    }
}

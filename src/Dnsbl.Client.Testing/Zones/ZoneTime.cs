using System.Globalization;

namespace Dnsbl.Client.Testing.Zones;

/// <summary>rbldnsd time values: a number of seconds with an optional unit suffix s, m, h, d or w.</summary>
internal static class ZoneTime
{
    /// <summary>rbldnsd's default record TTL when neither <c>-t</c> nor <c>$TTL</c> says otherwise (35 minutes).</summary>
    public const uint DefaultTimeToLive = 2100;

    public static bool TryParse(string text, out uint seconds)
    {
        seconds = 0;
        if (text.Length == 0)
        {
            return false;
        }

        uint multiplier = char.ToLowerInvariant(text[^1]) switch
        {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86400,
            'w' => 604800,
            _ => 0,
        };
        var digits = multiplier == 0 ? text : text[..^1];
        if (multiplier == 0)
        {
            multiplier = 1;
        }

        if (!uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || (ulong)value * multiplier > int.MaxValue)
        {
            return false;
        }

        seconds = value * multiplier;
        return true;
    }
}

namespace Dnsbl.Client.Testing.Zones;

/// <summary>Name normalisation shared by the zone code: lower case, no trailing dot.</summary>
internal static class ZoneNameRules
{
    public static string Normalise(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.EndsWith('.'))
        {
            trimmed = trimmed[..^1];
        }

        return trimmed.ToLowerInvariant();
    }

    /// <summary>True when <paramref name="name"/> equals <paramref name="zone"/> or lies under it.</summary>
    public static bool IsAtOrBelow(string name, string zone)
    {
        if (zone.Length == 0)
        {
            return true;
        }

        return name.Length == zone.Length
            ? string.Equals(name, zone, StringComparison.Ordinal)
            : name.Length > zone.Length && name.EndsWith(zone, StringComparison.Ordinal) && name[^(zone.Length + 1)] == '.';
    }

    /// <summary>The part of <paramref name="name"/> in front of <paramref name="zone"/> ("" for the apex).</summary>
    public static string Relative(string name, string zone) =>
        name.Length == zone.Length ? string.Empty : name[..^(zone.Length + 1)];
}

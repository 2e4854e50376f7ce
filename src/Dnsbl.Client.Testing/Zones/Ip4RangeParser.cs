using System.Globalization;

namespace Dnsbl.Client.Testing.Zones;

/// <summary>
/// The ip4set entry forms of rbldnsd(8): <c>a.b.c.d</c>, a prefix <c>a.b.c</c> (a /24), CIDR <c>a.b/12</c>, and ranges
/// <c>a.b.c.d-e.f.g.h</c>, <c>127.0.0.1-255</c> (a one-octet end replaces the last given octet of the start).
/// </summary>
internal static class Ip4RangeParser
{
    public static (uint First, uint Last) Parse(DatasetLine line)
    {
        var entry = line.Entry;
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var (bits, _) = Octets(entry[..slash], line);
            if (!int.TryParse(entry[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > 32)
            {
                throw line.Error("the CIDR prefix length must be 1..32");
            }

            if (prefix == 0)
            {
                throw line.Error("rbldnsd's ip4set cannot hold 0.0.0.0/0; list 0.0.0.0/1 and 128.0.0.0/1 instead");
            }

            var mask = uint.MaxValue << (32 - prefix);
            return (bits & mask, (bits & mask) | ~mask);
        }

        var dash = entry.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            var (bits, count) = Octets(entry, line);
            return (bits, bits | FillMask(count));
        }

        var (first, firstCount) = Octets(entry[..dash], line);
        var endText = entry[(dash + 1)..];
        var (end, endCount) = Octets(endText, line);
        if (endCount == 1 && firstCount > 1)
        {
            // "127.16-31": the single end octet replaces the last octet given in the start.
            var shift = 8 * (4 - firstCount);
            end = (first & ~(0xFFu << shift)) | (end >> 24 << shift);
            endCount = firstCount;
        }

        var last = end | FillMask(endCount);
        return first <= last ? (first, last) : throw line.Error("the range ends before it starts");
    }

    private static uint FillMask(int octetCount) => octetCount == 4 ? 0 : uint.MaxValue >> (8 * octetCount);

    private static (uint Bits, int Count) Octets(string text, DatasetLine line)
    {
        var parts = text.Split('.');
        if (parts.Length is < 1 or > 4)
        {
            throw line.Error($"'{text}' is not an IPv4 address or prefix");
        }

        uint bits = 0;
        for (var i = 0; i < 4; i++)
        {
            uint octet = 0;
            if (i < parts.Length)
            {
                octet = byte.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : throw line.Error($"'{text}' is not an IPv4 address or prefix");
            }

            bits = (bits << 8) | octet;
        }

        return (bits, parts.Length);
    }
}

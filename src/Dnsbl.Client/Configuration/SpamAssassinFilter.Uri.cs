using System.Globalization;
using System.Net;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Configuration;

/// <summary>URIDNSBL sub-tests (<c>parse_and_canonicalize_subtest</c>): number, address, range or value/mask.</summary>
internal static partial class SpamAssassinFilter
{
    public static bool TryTranslateUri(string subTest, out ReturnCodeFilter? filter, out string error)
    {
        filter = null;
        error = string.Empty;
        var separator = subTest.IndexOfAny(['-', '/']);
        var first = separator < 0 ? subTest : subTest[..separator];
        var second = separator < 0 ? null : subTest[(separator + 1)..];
        if (!TryNumber(first, out var n1, out var firstIsQuad) || (second is not null && !TryNumber(second, out _, out _)))
        {
            error = $"'{subTest}' is not a number, an address, a range or a value/mask (SpamAssassin refuses the line)";
            return false;
        }

        if (second is null)
        {
            if (firstIsQuad)
            {
                filter = ReturnCodeFilter.Exact(ToAddress(n1));
                return true;
            }

            return TryMask(n1.ToString(CultureInfo.InvariantCulture), out filter, out error);
        }

        TryNumber(second, out var n2, out _);
        return subTest[separator] == '-' ? TryRange(n1, n2, subTest, out filter, out error) : TryValueMask(n1, n2, subTest, out filter, out error);
    }

    private static bool TryRange(uint low, uint high, string text, out ReturnCodeFilter? filter, out string error)
    {
        filter = null;
        error = string.Empty;
        if (low > high)
        {
            error = $"the range '{text}' is empty";
            return false;
        }

        if ((low & 0xFFFFFF00) != (high & 0xFFFFFF00))
        {
            error = $"the range '{text}' spans more than a last octet; only last-octet ranges are supported";
            return false;
        }

        var prefix = ToAddress(low & 0xFFFFFF00).ToString();
        filter = ReturnCodeFilter.Parse(string.Create(CultureInfo.InvariantCulture, $"{prefix[..(prefix.LastIndexOf('.') + 1)]}[{low & 0xFF}..{high & 0xFF}]"));
        return true;
    }

    // (code & mask) == (value & mask): an octet pattern when the mask is whole octets, else not supported.
    private static bool TryValueMask(uint value, uint mask, string text, out ReturnCodeFilter? filter, out string error)
    {
        filter = null;
        error = string.Empty;
        var octets = new string[4];
        for (var i = 0; i < 4; i++)
        {
            var shift = 24 - (8 * i);
            var maskOctet = (mask >> shift) & 0xFF;
            if (maskOctet is not (0 or 0xFF))
            {
                error = $"the value/mask '{text}' masks part of an octet; only whole-octet masks are supported";
                return false;
            }

            octets[i] = maskOctet == 0 ? "[0..255]" : ((value >> shift) & 0xFF).ToString(CultureInfo.InvariantCulture);
        }

        filter = ReturnCodeFilter.Parse(string.Join('.', octets));
        return true;
    }

    private static bool TryNumber(string text, out uint value, out bool isQuad)
    {
        value = 0;
        isQuad = false;
        if (text.Length is > 0 and <= 10 && text.All(char.IsAsciiDigit))
        {
            var parsed = ulong.Parse(text, CultureInfo.InvariantCulture);
            value = (uint)parsed;
            return parsed <= uint.MaxValue;
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.Length is > 2 and <= 10)
        {
            return uint.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        if (IsCanonicalQuad(text))
        {
            var bytes = IPAddress.Parse(text).GetAddressBytes();
            value = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
            isQuad = true;
            return true;
        }

        return false;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Configuration;

/// <summary>
/// Translates SpamAssassin sub-test filters (check_rbl's third argument, check_rbl_sub, urirhssub) to return-code filters:
/// a dotted quad (exact), <c>127.0.1.102-106</c> or <c>127.0.1.102-127.0.1.106</c> (last-octet range), a decimal or
/// <c>0x</c> number (any bit of the mask), and a regular expression only when it is a plain anchored address
/// (<c>^127\.0\.0\.2$</c>). Other regular expressions are refused: their meaning cannot be carried over faithfully.
/// </summary>
internal static class SpamAssassinFilter
{
    public static bool TryTranslate(string text, out ReturnCodeFilter? filter, out string error)
    {
        filter = null;
        error = string.Empty;
        var value = text.Trim();
        if (TryParseMask(value, out var mask))
        {
            filter = mask == 0 ? null : ReturnCodeFilter.AnyBits(mask);
            error = mask == 0 ? "a bitmask of 0 matches nothing" : string.Empty;
            return filter is not null;
        }

        var unescaped = Unanchor(value);
        if (IsDottedQuad(unescaped))
        {
            filter = ReturnCodeFilter.Parse(unescaped);
            return true;
        }

        if (TryRange(unescaped, out filter))
        {
            return true;
        }

        error = unescaped != value || value.IndexOfAny(['[', '(', '|', '*', '+', '?', '\\']) >= 0
            ? $"the regular expression '{value}' is not supported (only a plain address, a last-octet range or a bitmask)"
            : $"'{value}' is not an address, a last-octet range or a bitmask";
        return false;
    }

    private static bool TryParseMask(string value, out uint mask)
    {
        if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return uint.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out mask);
        }

        return uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out mask);
    }

    // "^127\.0\.0\.2$" → "127.0.0.2"; anything with other regex syntax stays recognisably a regex.
    private static string Unanchor(string value)
    {
        var inner = value;
        if (inner.StartsWith('^'))
        {
            inner = inner[1..];
        }

        if (inner.EndsWith('$'))
        {
            inner = inner[..^1];
        }

        return inner.Replace("\\.", ".", StringComparison.Ordinal);
    }

    private static bool IsDottedQuad(string value) =>
        value.Count(c => c == '.') == 3
        && IPAddress.TryParse(value, out var address)
        && address.AddressFamily == AddressFamily.InterNetwork;

    private static bool TryRange(string value, out ReturnCodeFilter? filter)
    {
        filter = null;
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || !IsDottedQuad(value[..dash]))
        {
            return false;
        }

        var first = value[..dash];
        var prefix = first[..(first.LastIndexOf('.') + 1)];
        var end = value[(dash + 1)..];
        if (IsDottedQuad(end) && end.StartsWith(prefix, StringComparison.Ordinal))
        {
            end = end[prefix.Length..];
        }

        var start = first[prefix.Length..];
        return byte.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && byte.Parse(start, CultureInfo.InvariantCulture) <= last
            && ReturnCodeFilter.TryParse($"{prefix}[{start}..{last.ToString(CultureInfo.InvariantCulture)}]", out filter);
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Dnsbl.Client.Lists;

/// <summary>Reads the text syntax documented on <see cref="ReturnCodeFilter"/>; errors say what and where.</summary>
internal static class ReturnCodeFilterParser
{
    public static bool TryParse(string text, [NotNullWhen(true)] out ReturnCodeFilter? filter, [NotNullWhen(false)] out string? error)
    {
        filter = null;
        if (text.Length == 0)
        {
            error = "the filter is empty";
            return false;
        }

        // Negations are counted in a loop, not parsed by recursion, so "!!!!…" of any length cannot exhaust the stack.
        var negations = 0;
        while (negations < text.Length && text[negations] == '!')
        {
            negations++;
        }

        if (negations > 0)
        {
            if (!TryParse(text[negations..], out var inner, out error))
            {
                error = "after '!': " + error;
                return false;
            }

            // A double negation cancels, so a filter is never more than one negation deep.
            filter = negations % 2 == 0 ? inner : ReturnCodeFilter.Not(inner);
            return true;
        }

        if (text.Equals(AnyCodeFilter.Keyword, StringComparison.OrdinalIgnoreCase))
        {
            filter = ReturnCodeFilter.Any;
            error = null;
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && text.AsSpan(0, colon).Equals(RegexCodeFilter.Keyword, StringComparison.OrdinalIgnoreCase))
        {
            return RegexCodeFilter.TryCreate(text[(colon + 1)..], out filter, out error);
        }

        if (colon >= 0)
        {
            return TryParseBitmask(text[..colon], text[(colon + 1)..], out filter, out error);
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0
            ? TryParseCidr(text[..slash], text[(slash + 1)..], out filter, out error)
            : OctetPatternParser.TryParse(text, out filter, out error);
    }

    private static bool TryParseBitmask(string keyword, string maskText, [NotNullWhen(true)] out ReturnCodeFilter? filter, [NotNullWhen(false)] out string? error)
    {
        filter = null;
        bool requireAll;
        if (keyword.Equals(BitmaskCodeFilter.AnyBitsKeyword, StringComparison.OrdinalIgnoreCase)
            || keyword.Equals(BitmaskCodeFilter.BitmaskKeyword, StringComparison.OrdinalIgnoreCase))
        {
            requireAll = false;
        }
        else if (keyword.Equals(BitmaskCodeFilter.AllBitsKeyword, StringComparison.OrdinalIgnoreCase))
        {
            requireAll = true;
        }
        else
        {
            error = $"unknown filter kind '{keyword}' (expected anybits, bitmask or allbits)";
            return false;
        }

        var isHex = maskText.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        var digits = isHex ? maskText[2..] : maskText;
        var style = isHex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        if (digits.Length == 0 || !uint.TryParse(digits, style, CultureInfo.InvariantCulture, out var mask))
        {
            error = $"{keyword}: mask '{maskText}' is not a 32-bit decimal or 0x hexadecimal number";
            return false;
        }

        if (mask == 0)
        {
            error = $"{keyword}: mask must not be zero";
            return false;
        }

        filter = requireAll ? ReturnCodeFilter.AllBits(mask) : ReturnCodeFilter.AnyBits(mask);
        error = null;
        return true;
    }

    private static bool TryParseCidr(string addressText, string prefixText, [NotNullWhen(true)] out ReturnCodeFilter? filter, [NotNullWhen(false)] out string? error)
    {
        filter = null;
        if (!OctetPatternParser.TryParseAddress(addressText, out var network, out error))
        {
            error = "CIDR address: " + error;
            return false;
        }

        if (prefixText.Length is 0 or > 2 || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > 32)
        {
            error = $"CIDR prefix '{prefixText}' is not a number in 0..32";
            return false;
        }

        if ((network & ~CidrCodeFilter.MaskOf(prefix)) != 0)
        {
            error = $"CIDR {addressText}/{prefix} has bits set beyond the prefix (network is {IPv4Value.Format(network & CidrCodeFilter.MaskOf(prefix))})";
            return false;
        }

        filter = new CidrCodeFilter(network, prefix);
        return true;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Dnsbl.Client.Lists;

/// <summary>Reads postscreen's four-octet pattern: each octet a number or <c>[n;a..b;...]</c>.</summary>
internal static partial class OctetPatternParser
{
    public static bool TryParse(string text, [NotNullWhen(true)] out ReturnCodeFilter? filter, [NotNullWhen(false)] out string? error)
    {
        filter = null;
        var octets = OctetTexts(text);
        if (octets.Count != 4)
        {
            error = $"expected 4 octets separated by '.', found {octets.Count}";
            return false;
        }

        var bits = new ulong[16];
        var allSingle = true;
        for (var index = 0; index < 4; index++)
        {
            if (!TryReadOctet(octets[index], index, bits, out var single, out error))
            {
                return false;
            }

            allSingle &= single;
        }

        error = null;
        filter = allSingle ? new ExactCodeFilter(Collapse(bits)) : new OctetPatternCodeFilter(bits);
        return true;
    }

    public static bool TryParseAddress(string text, out uint address, [NotNullWhen(false)] out string? error)
    {
        address = 0;
        if (!TryParse(text, out var filter, out error))
        {
            return false;
        }

        if (filter is not ExactCodeFilter exact)
        {
            error = $"'{text}' is a pattern, not an address";
            return false;
        }

        address = exact.Address;
        return true;
    }

    // Splits on the dots outside brackets: the dots of a range "a..b" belong to its octet.
    private static List<string> OctetTexts(string text)
    {
        var result = new List<string>(4);
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[': depth++; break;
                case ']': depth--; break;
                case '.' when depth == 0:
                    result.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }

        result.Add(text[start..]);
        return result;
    }

    private static bool TryReadOctet(string octet, int index, ulong[] bits, out bool single, [NotNullWhen(false)] out string? error)
    {
        var where = $"octet {index + 1}";
        single = false;
        if (octet.Length == 0)
        {
            error = $"{where}: empty";
            return false;
        }

        if (octet[0] != '[')
        {
            single = true;
            return TryReadItem(octet, where, index, bits, allowRange: false, out error);
        }

        if (octet.Length < 2 || octet[^1] != ']')
        {
            error = $"{where}: '{octet}' has no closing ']'";
            return false;
        }

        var body = octet[1..^1];
        if (body.Length == 0)
        {
            error = $"{where}: empty list '[]'";
            return false;
        }

        foreach (var item in body.Split(';'))
        {
            if (!TryReadItem(item, where, index, bits, allowRange: true, out error))
            {
                return false;
            }
        }

        error = null;
        return true;
    }

    private static uint Collapse(ulong[] bits)
    {
        uint address = 0;
        for (var index = 0; index < 4; index++)
        {
            var value = 0;
            while (!OctetPatternCodeFilter.Contains(bits, index, value))
            {
                value++;
            }

            address = (address << 8) | (uint)value;
        }

        return address;
    }
}

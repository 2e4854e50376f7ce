using System.Globalization;
using System.Text;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Configuration;

internal static partial class SpamAssassinFilter
{
    /// <summary>
    /// Turns <c>^o\.o\.o\.o$</c> into an octet pattern when every octet expression <c>o</c> is a sequence of digits,
    /// <c>\d</c> and digit classes (<c>[4567]</c>, <c>[0-3]</c>), or is <c>\d+</c>/<c>\d{1,3}</c>/<c>\d*</c> (any octet).
    /// Only the numbers an address can print are kept (no leading zeros), so the pattern matches exactly what the
    /// expression matches on a dotted address.
    /// </summary>
    private static class AnchoredOctets
    {
        public static bool TryTranslate(string expression, out ReturnCodeFilter? filter)
        {
            filter = null;
            if (expression.Length < 2 || expression[0] != '^' || expression[^1] != '$' || expression.EndsWith("\\$", StringComparison.Ordinal))
            {
                return false;
            }

            var parts = expression[1..^1].Split("\\.");
            if (parts.Length != 4)
            {
                return false;
            }

            var pattern = new StringBuilder();
            foreach (var part in parts)
            {
                var values = ValuesOf(part);
                if (values is null || values.Count == 0)
                {
                    return false;
                }

                pattern.Append(pattern.Length == 0 ? "" : ".").Append('[')
                    .Append(string.Join(';', values.Select(v => v.ToString(CultureInfo.InvariantCulture)))).Append(']');
            }

            return ReturnCodeFilter.TryParse(pattern.ToString(), out filter);
        }

        private static List<int>? ValuesOf(string part)
        {
            if (part is "\\d+" or "\\d{1,3}" or "\\d*" or "[0-9]+")
            {
                return [.. Enumerable.Range(0, 256)];
            }

            var positions = new List<bool[]>();
            for (var i = 0; i < part.Length;)
            {
                var digits = new bool[10];
                if (char.IsAsciiDigit(part[i]))
                {
                    digits[part[i] - '0'] = true;
                    i++;
                }
                else if (part.AsSpan(i).StartsWith("\\d"))
                {
                    Array.Fill(digits, true);
                    i += 2;
                }
                else if (part[i] == '[' && TryClass(part, ref i, digits))
                {
                }
                else
                {
                    return null;
                }

                positions.Add(digits);
                if (positions.Count > 3)
                {
                    return null;
                }
            }

            var values = new List<int>();
            Expand(positions, 0, 0, values);
            return values;
        }

        private static bool TryClass(string part, ref int index, bool[] digits)
        {
            var end = part.IndexOf(']', index);
            if (end < 0)
            {
                return false;
            }

            var body = part[(index + 1)..end];
            for (var j = 0; j < body.Length; j++)
            {
                if (!char.IsAsciiDigit(body[j]))
                {
                    return false;
                }

                if (j + 2 < body.Length && body[j + 1] == '-' && char.IsAsciiDigit(body[j + 2]))
                {
                    for (var d = body[j] - '0'; d <= body[j + 2] - '0'; d++)
                    {
                        digits[d] = true;
                    }

                    j += 2;
                }
                else
                {
                    digits[body[j] - '0'] = true;
                }
            }

            index = end + 1;
            return body.Length > 0;
        }

        // Only printable octets: no leading zero (except "0" itself), at most 255.
        private static void Expand(List<bool[]> positions, int position, int value, List<int> values)
        {
            if (position == positions.Count)
            {
                if (value <= 255)
                {
                    values.Add(value);
                }

                return;
            }

            for (var digit = 0; digit <= 9; digit++)
            {
                if (positions[position][digit] && !(position == 0 && digit == 0 && positions.Count > 1))
                {
                    Expand(positions, position + 1, (value * 10) + digit, values);
                }
            }
        }
    }
}

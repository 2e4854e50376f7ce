namespace Dnsbl.Client.Messages;

// The address test of the common-shape reader: a cheap stand-in for the rules' address pattern where it is sure.
internal static partial class ReceivedHeaderParser
{
    /// <summary>
    /// Whether the address pattern (<see cref="Ip"/>) matches all of <paramref name="text"/> between delimiters that are
    /// neither address characters nor letters: a dotted quad of 0-255 without leading zeros, or hex groups with 2 to 7
    /// colons (optionally after "IPv6:"). False for anything else, including forms the pattern does match (an IPv6
    /// address ending in a dotted quad): false only sends the header to the rules.
    /// </summary>
    internal static bool IsRuleIp(ReadOnlySpan<char> text)
    {
        if (text.IndexOf(':') < 0)
        {
            var octets = 0;
            foreach (var range in text.Split('.'))
            {
                var octet = text[range];
                if (++octets > 4 || octet.Length is 0 or > 3 || !char.IsAsciiDigit(octet[0]) || (octet.Length > 1 && octet[0] == '0') ||
                    octet.ContainsAnyExceptInRange('0', '9') || int.Parse(octet, System.Globalization.CultureInfo.InvariantCulture) > 255)
                {
                    return false;
                }
            }

            return octets == 4;
        }

        if (text.StartsWith("IPv6:", StringComparison.Ordinal))
        {
            text = text[5..];
        }

        var colons = text.Count(':');
        if (colons is < 2 or > 7 || text.ContainsAnyExcept(HexDigitsAndColon))
        {
            return false;
        }

        foreach (var range in text.Split(':'))
        {
            if (range.End.GetOffset(text.Length) - range.Start.GetOffset(text.Length) > 4)
            {
                return false;
            }
        }

        return true;
    }

    private static readonly System.Buffers.SearchValues<char> HexDigitsAndColon = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF:");
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Configuration;

/// <summary>
/// Translates SpamAssassin sub-tests to return-code filters with SpamAssassin's own meaning.
/// <para><c>check_rbl</c>/<c>check_rbl_sub</c> (Mail::SpamAssassin::Dns <c>check_subtest</c>): digits only → a bitmask
/// (any bit); four dot-separated numbers → that exact address text; anything else → a regular expression matched
/// unanchored against the dotted address. A fully anchored expression whose octets are digits, <c>\d</c>, <c>\d+</c>
/// or digit classes (<c>^127\.0\.0\.[4567]$</c>, <c>^127\.0\.\d+\.1$</c>, <c>^127\.0\.0\.1[01]$</c>) becomes an octet
/// pattern; any other becomes a <c>regex:</c> filter with a match timeout.</para>
/// <para><c>urirhssub</c>/<c>uridnssub</c> (URIDNSBL <c>parse_and_canonicalize_subtest</c>): a number (decimal or
/// <c>0x</c>) is a bitmask, an address is exact, <c>a-b</c> a numeric range, <c>v/m</c> a value under a mask.</para>
/// </summary>
internal static partial class SpamAssassinFilter
{
    [GeneratedRegex(@"^\d+(?:\.\d+\.\d+\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainSubTest();

    public static bool TryTranslateRbl(string subTest, out ReturnCodeFilter? filter, out string error)
    {
        filter = null;
        error = string.Empty;
        if (subTest.StartsWith("sb:", StringComparison.Ordinal))
        {
            error = "SenderBase sub-tests (sb:) are deprecated and ignored by SpamAssassin";
            return false;
        }

        if (PlainSubTest().IsMatch(subTest))
        {
            if (!subTest.Contains('.', StringComparison.Ordinal))
            {
                return TryMask(subTest, out filter, out error);
            }

            // SpamAssassin compares the text: "127.000.0.2" can never equal an answer.
            if (IsCanonicalQuad(subTest))
            {
                filter = ReturnCodeFilter.Parse(subTest);
                return true;
            }

            error = $"'{subTest}' is not a canonical address, so SpamAssassin never matches it";
            return false;
        }

        if (AnchoredOctets.TryTranslate(subTest, out filter))
        {
            return true;
        }

        if (RegexCodeFilter.TryCreate(subTest, out filter, out var regexError))
        {
            return true;
        }

        error = regexError;
        return false;
    }

    // SpamAssassin's bitmask also requires the answer to be in 127/8; answers outside it are never listings here either.
    private static bool TryMask(string digits, out ReturnCodeFilter? filter, out string error)
    {
        filter = null;
        error = string.Empty;
        if (!ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > uint.MaxValue)
        {
            error = $"the bitmask {digits} does not fit in 32 bits";
            return false;
        }

        if (value == 0)
        {
            error = "a bitmask of 0 matches nothing";
            return false;
        }

        filter = ReturnCodeFilter.AnyBits((uint)value);
        return true;
    }

    private static IPAddress ToAddress(uint value) =>
        new([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);

    private static bool IsCanonicalQuad(string value) =>
        value.Count(c => c == '.') == 3
        && IPAddress.TryParse(value, out var address)
        && address.AddressFamily == AddressFamily.InterNetwork
        && address.ToString() == value;
}

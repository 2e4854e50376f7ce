using System.Buffers;
using System.Globalization;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Character tests shared by the hand-written scanners that replaced the link regexes; each means exactly what the
/// replaced pattern's construct meant in .NET's regex engine (the differential tests compare them over every char).
/// </summary>
internal static class TextScan
{
    /// <summary>The ASCII digits, for vectorised searches.</summary>
    /// <remarks>
    /// Not <c>IndexOfAnyExceptInRange('0', '9')</c>: on .NET 10 the char overloads of the range searches allocate 96 bytes
    /// a call until the JIT has optimised their caller (tier 0: a process's first messages, and every test run), once per
    /// link and mail address (measured; <c>LinkCollectorAllocationTests</c>). Optimised code allocates nothing either way.
    /// </remarks>
    public static readonly SearchValues<char> AsciiDigits = SearchValues.Create("0123456789");

    /// <summary>Whether every char of <paramref name="text"/> is an ASCII digit (true when it is empty).</summary>
    public static bool IsAsciiDigits(ReadOnlySpan<char> text) => text.IndexOfAnyExcept(AsciiDigits) < 0;

    /// <summary>Every char for which <see cref="char.IsWhiteSpace(char)"/> is true (Unicode White_Space).</summary>
    public const string WhiteSpaceChars =
        "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    /// <summary><see cref="WhiteSpaceChars"/> for vectorised searches.</summary>
    public static readonly SearchValues<char> WhiteSpace = SearchValues.Create(WhiteSpaceChars);

    /// <summary>Whether <paramref name="c"/> is a word char for <c>\b</c>: <c>\w</c> (L, Mn, Nd, Pc) or U+200C/U+200D.</summary>
    public static bool IsBoundaryWordChar(char c)
    {
        if (char.IsAscii(c))
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return c is '\u200C' or '\u200D' || char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
    }

    /// <summary>Whether a <c>\b</c> stands before <paramref name="index"/>, given that the char there is a word char.</summary>
    public static bool WordStartsAt(ReadOnlySpan<char> text, int index) => index == 0 || !IsBoundaryWordChar(text[index - 1]);

    /// <summary>
    /// Whether <paramref name="text"/> holds <paramref name="lowerAscii"/> at <paramref name="index"/>, ignoring case as
    /// RegexOptions.IgnoreCase | CultureInvariant does: ASCII case, and U+212A KELVIN SIGN for 'k' (the one non-ASCII
    /// equivalent of an ASCII letter in .NET's case table).
    /// </summary>
    public static bool HasIgnoreCase(ReadOnlySpan<char> text, int index, string lowerAscii)
    {
        if (index < 0 || index + lowerAscii.Length > text.Length)
        {
            return false;
        }

        for (var i = 0; i < lowerAscii.Length; i++)
        {
            var c = text[index + i];
            var expected = lowerAscii[i];
            if (c != expected && !(char.IsAsciiLetter(expected) && (c | 0x20) == expected && char.IsAsciiLetter(c)) && !(expected == 'k' && c == '\u212A'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The ASCII members of <paramref name="set"/> as a mask, for <see cref="AsciiMask.Contains"/>.</summary>
    public static AsciiMask AsciiMaskOf(SearchValues<char> set)
    {
        ulong low = 0, high = 0;
        for (var c = 0; c < 128; c++)
        {
            if (set.Contains((char)c))
            {
                if (c < 64)
                {
                    low |= 1UL << c;
                }
                else
                {
                    high |= 1UL << (c - 64);
                }
            }
        }

        return new AsciiMask(low, high);
    }
}

using System.Globalization;

namespace Dnsbl.Client.Lists;

/// <summary>
/// A list's TXT record made safe to show: gates echo it in SMTP replies ("550 ... see http://..."), so a CR or LF in it
/// would let the list's operator (or whoever forged its answer) inject SMTP lines, and NUL or escape sequences reach
/// logs and terminals. Every control character and invisible format character (bidirectional overrides, zero-width
/// marks) becomes '?'; printable text, including non-ASCII letters, is kept.
/// </summary>
internal static class ListText
{
    /// <summary>Replaces what must not reach an SMTP reply or a log line; returns <paramref name="text"/> itself when clean.</summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = FirstUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (destination, state) =>
        {
            state.text.AsSpan().CopyTo(destination);
            for (int i = state.first; i < destination.Length; i++)
            {
                if (IsUnsafe(destination[i]))
                {
                    destination[i] = '?';
                }
            }
        });
    }

    private static int FirstUnsafe(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // Control: C0 (NUL, CR, LF, ESC, ...), DEL and C1. Format: U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, ...
    // Line and paragraph separators (U+2028/U+2029) end a line in some readers too.
    private static bool IsUnsafe(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}

using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Finds URLs written out in text: <c>http(s)://</c>, <c>ftp(s)://</c> or <c>www.</c> at a word start, then a host (or
/// a bracketed IPv6 literal), up to white space, <c>&lt; &gt; " '</c>.
/// </summary>
/// <remarks>
/// Means exactly what the regex it replaced meant (kept as the oracle of <c>UrlScannerTests</c>):
/// <c>(?:\b(?:https?|ftps?)://|\bwww\.)(?:\[[0-9A-Fa-f:.]+\]|[^\s&lt;&gt;"'\\/?#\[\]]+)[^\s&lt;&gt;"']*</c>, ignore case,
/// leftmost matches that do not overlap. A scan of a 10 KB body stops only at ":/" and "w." (see <see cref="TryFind"/>).
/// </remarks>
internal static class UrlScanner
{
    private static readonly SearchValues<char> NotInHost = SearchValues.Create("<>\"'\\/?#[]");
    private static readonly SearchValues<char> AddressLiteral = SearchValues.Create("0123456789abcdefABCDEF:.");

    // What ends a URL: white space (as char.IsWhiteSpace) and < > " '. One vectorised search per URL instead of a
    // char.IsWhiteSpace call per char: the 20 KB sample's 220 URLs made that loop most of the URL scan's own time.
    private static readonly SearchValues<char> UrlEnds = SearchValues.Create("<>\"'" + TextScan.WhiteSpaceChars);

    /// <summary>Finds the first URL at or after <paramref name="from"/>; false when there is none.</summary>
    /// <remarks>
    /// Visits only the marks a URL's start is followed by: the ':' of "://" and the '.' of "www.". Each mark has one
    /// candidate start 3–5 chars before it (the letter before the ':' tells which scheme), and later marks have later
    /// candidates (two schemes' letters cannot overlap), so the leftmost match is found first, as the regex finds it.
    /// </remarks>
    public static bool TryFind(ReadOnlySpan<char> text, int from, out int start, out int length)
    {
        // Every candidate starts at least 3 chars before its mark.
        for (var mark = IndexOfMark(text, from + 3); mark >= 0; mark = IndexOfMark(text, mark + 1))
        {
            var candidate = StartBefore(text, mark);
            if (candidate < from || !TextScan.WordStartsAt(text, candidate))
            {
                continue;
            }

            var end = UrlEnd(text, text[mark] == ':' ? mark + 3 : mark + 1);
            if (end >= 0)
            {
                start = candidate;
                length = end - candidate;
                return true;
            }
        }

        start = length = 0;
        return false;
    }

    // The next ':' before a '/' or '.' after a 'w' (any case) at or after from (at least 1). Text has few of either: an
    // inline vectorised loop stops at little but URLs, where a search for the letters h, f and w stopped at most words.
    private static int IndexOfMark(ReadOnlySpan<char> text, int from)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            var (colon, slash, dot, w, caseBit) = (Vector256.Create((ushort)':'), Vector256.Create((ushort)'/'), Vector256.Create((ushort)'.'),
                Vector256.Create((ushort)'w'), Vector256.Create((ushort)0x20));

            // Each block is read with the char before and after it.
            for (; from + Vector256<ushort>.Count < text.Length; from += Vector256<ushort>.Count)
            {
                var here = Vector256.LoadUnsafe(ref chars, (nuint)from);
                var after = Vector256.LoadUnsafe(ref chars, (nuint)(from + 1));
                var before = Vector256.LoadUnsafe(ref chars, (nuint)(from - 1));
                var found = ((Vector256.Equals(here, colon) & Vector256.Equals(after, slash))
                    | (Vector256.Equals(here, dot) & Vector256.Equals(before | caseBit, w))).ExtractMostSignificantBits();
                if (found != 0)
                {
                    return from + BitOperations.TrailingZeroCount(found);
                }
            }
        }

        for (; from < text.Length; from++)
        {
            if (text[from] == ':' ? from + 1 < text.Length && text[from + 1] == '/' : text[from] == '.' && (text[from - 1] | 0x20) == 'w')
            {
                return from;
            }
        }

        return -1;
    }

    // Where "http://", "https://", "ftp://", "ftps://" or "www." ending at the mark (its ':' or '.') starts; -1 for none.
    private static int StartBefore(ReadOnlySpan<char> text, int mark)
    {
        if (text[mark] == '.')
        {
            return TextScan.HasIgnoreCase(text, mark - 3, "www") ? mark - 3 : -1;
        }

        if (mark + 2 >= text.Length || text[mark + 2] != '/')
        {
            return -1;
        }

        return (text[mark - 1] | 0x20) switch
        {
            's' => TextScan.HasIgnoreCase(text, mark - 5, "https") ? mark - 5 : TextScan.HasIgnoreCase(text, mark - 4, "ftps") ? mark - 4 : -1,
            'p' => TextScan.HasIgnoreCase(text, mark - 4, "http") ? mark - 4 : TextScan.HasIgnoreCase(text, mark - 3, "ftp") ? mark - 3 : -1,
            _ => -1,
        };
    }

    // The end of the URL whose host starts at host; -1 when no host can start there.
    private static int UrlEnd(ReadOnlySpan<char> text, int host)
    {
        if (host >= text.Length)
        {
            return -1;
        }

        var rest = host;
        if (text[host] == '[')
        {
            var literal = text[(host + 1)..].IndexOfAnyExcept(AddressLiteral);
            if (literal <= 0 || text[host + 1 + literal] != ']')
            {
                return -1; // "[" cannot start a host name either
            }

            rest = host + 1 + literal + 1;
        }
        else if (char.IsWhiteSpace(text[host]) || NotInHost.Contains(text[host]))
        {
            return -1;
        }
        else
        {
            rest = host + 1;
        }

        var end = rest >= text.Length ? -1 : text[rest..].IndexOfAny(UrlEnds);
        return end < 0 ? text.Length : rest + end;
    }
}

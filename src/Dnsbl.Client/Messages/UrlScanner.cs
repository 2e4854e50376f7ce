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
/// leftmost matches that do not overlap. A scan of a 10 KB body visits only the h, f and w letters.
/// </remarks>
internal static class UrlScanner
{
    private static readonly SearchValues<char> StartLetters = SearchValues.Create("hHfFwW");
    private static readonly SearchValues<char> NotInHost = SearchValues.Create("<>\"'\\/?#[]");
    private static readonly SearchValues<char> AddressLiteral = SearchValues.Create("0123456789abcdefABCDEF:.");

    // What ends a URL: white space (as char.IsWhiteSpace) and < > " '. One vectorised search per URL instead of a
    // char.IsWhiteSpace call per char: the 20 KB sample's 220 URLs made that loop most of the URL scan's own time.
    private static readonly SearchValues<char> UrlEnds = SearchValues.Create("<>\"'" + TextScan.WhiteSpaceChars);

    /// <summary>Finds the first URL at or after <paramref name="from"/>; false when there is none.</summary>
    public static bool TryFind(ReadOnlySpan<char> text, int from, out int start, out int length)
    {
        for (var candidate = IndexOfStart(text, from); candidate >= 0; candidate = IndexOfStart(text, candidate + 1))
        {
            if (!TextScan.WordStartsAt(text, candidate))
            {
                continue;
            }

            var host = HostStart(text, candidate);
            var end = host < 0 ? -1 : UrlEnd(text, host);
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

    // The next h, f or w (any case). Most are letters inside words, a few chars apart: an inline vectorised loop costs
    // less than a library search call per letter. Only 'H' and 'h' are 'h' with the 0x20 bit set, and so on.
    private static int IndexOfStart(ReadOnlySpan<char> text, int from)
    {
        if (Vector128.IsHardwareAccelerated)
        {
            ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            var (caseBit, h, f, w) = (Vector128.Create((ushort)0x20), Vector128.Create((ushort)'h'), Vector128.Create((ushort)'f'), Vector128.Create((ushort)'w'));
            for (; from + Vector128<ushort>.Count <= text.Length; from += Vector128<ushort>.Count)
            {
                var lower = Vector128.LoadUnsafe(ref chars, (nuint)from) | caseBit;
                var found = (Vector128.Equals(lower, h) | Vector128.Equals(lower, f) | Vector128.Equals(lower, w)).ExtractMostSignificantBits();
                if (found != 0)
                {
                    return from + BitOperations.TrailingZeroCount(found);
                }
            }
        }

        var rest = text[from..].IndexOfAny(StartLetters);
        return rest < 0 ? -1 : from + rest;
    }

    // Where the host starts after "http://", "https://", "ftp://", "ftps://" or "www." at index; -1 for none.
    private static int HostStart(ReadOnlySpan<char> text, int index)
    {
        if (TextScan.HasIgnoreCase(text, index, "www."))
        {
            return index + 4;
        }

        var schemeEnd = TextScan.HasIgnoreCase(text, index, "http") ? index + 4 : TextScan.HasIgnoreCase(text, index, "ftp") ? index + 3 : -1;
        if (schemeEnd < 0)
        {
            return -1;
        }

        if (TextScan.HasIgnoreCase(text, schemeEnd, "s://"))
        {
            return schemeEnd + 4;
        }

        return text[schemeEnd..].StartsWith("://") ? schemeEnd + 3 : -1;
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

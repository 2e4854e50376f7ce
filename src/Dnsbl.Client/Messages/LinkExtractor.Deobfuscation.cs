using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

// Undoing the ways to write a link so that it is not clickable: "hxxp://", "h**p://", "http[:]//", and "[.]"-style dots.
internal static partial class LinkExtractor
{
    private static readonly SearchValues<string> ObfuscatedDots =
        SearchValues.Create(["[.]", "(.)", "{.}", "[dot]", "(dot)", "{dot}"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Undoes the common ways to write a link so that it is not clickable.</summary>
    /// <returns><paramref name="text"/> itself when nothing was written that way (most texts).</returns>
    internal static string Deobfuscate(string text)
    {
        var result = RestoreSchemes(text);

        // The dot pattern starts with optional white space, so the regex cannot skip ahead to a candidate: a vectorised
        // search for its bracketed cores first spares most texts (which have none) a fifth of their planning time.
        return result.AsSpan().ContainsAny(ObfuscatedDots) ? ObfuscatedDotPattern().Replace(result, ".") : result;
    }

    /// <summary>
    /// Writes each <c>\bh(?:xx|\*\*|tt)p(s?)(?:\[:\]|:)//</c> (any case) as <c>http$1://</c>, as the regex this replaced
    /// did (the oracle of <c>ObfuscatedSchemeScanTests</c>); a plain "http://" is left as it is, without a copy.
    /// </summary>
    internal static string RestoreSchemes(string text)
    {
        StringBuilder? restored = null;
        var copied = 0;
        var span = text.AsSpan();
        for (var h = span.IndexOfAny('h', 'H'); h >= 0; h = NextH(span, h + 1))
        {
            if (!TextScan.WordStartsAt(span, h) || ObfuscatedSchemeLength(span, h, out var secure) is not (> 0 and var length))
            {
                continue;
            }

            if (!IsRestored(span, h, length))
            {
                restored ??= new StringBuilder(text.Length);
                restored.Append(text, copied, h - copied).Append("http");
                if (secure is { } s)
                {
                    restored.Append(s);
                }

                restored.Append("://");
                copied = h + length;
            }

            h += length - 1;
        }

        return restored is null ? text : restored.Append(text, copied, text.Length - copied).ToString();
    }

    // Whether the scheme at h (of length, as ObfuscatedSchemeLength found it) already reads "http", an 's' as written,
    // "://": its restored form, so nothing changes.
    private static bool IsRestored(ReadOnlySpan<char> text, int h, int length) =>
        text.Slice(h, 4).SequenceEqual("http") && text.Slice(h + length - 3, 3).SequenceEqual("://");

    private static int NextH(ReadOnlySpan<char> text, int from)
    {
        var found = from >= text.Length ? -1 : text[from..].IndexOfAny('h', 'H');
        return found < 0 ? -1 : from + found;
    }

    // The length of "hxxp://"-style text at index (text[index] is h or H), 0 when there is none; secure is the 's'.
    private static int ObfuscatedSchemeLength(ReadOnlySpan<char> text, int index, out char? secure)
    {
        secure = null;
        if (index + 4 > text.Length)
        {
            return 0;
        }

        var pair = text.Slice(index + 1, 2);
        var obfuscated = ((pair[0] | 0x20) == 'x' && (pair[1] | 0x20) == 'x') || pair.SequenceEqual("**") || ((pair[0] | 0x20) == 't' && (pair[1] | 0x20) == 't');
        if (!obfuscated || (text[index + 3] | 0x20) != 'p' || !char.IsAsciiLetter(pair[0]) && pair[0] != '*')
        {
            return 0;
        }

        var position = index + 4;
        if (position < text.Length && (text[position] | 0x20) == 's' && SeparatorLength(text, position + 1) > 0)
        {
            secure = text[position];
            position++;
        }

        var separator = SeparatorLength(text, position);
        return separator > 0 ? position + separator - index : 0;
    }

    // "[:]//" or "://" at index: its length, else 0.
    private static int SeparatorLength(ReadOnlySpan<char> text, int index) =>
        text[Math.Min(index, text.Length)..] switch
        {
            var rest when rest.StartsWith("[:]//") => 5,
            var rest when rest.StartsWith("://") => 3,
            _ => 0,
        };

    [GeneratedRegex(@"\s?(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\})\s?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ObfuscatedDotPattern();
}

using System.Buffers;
using System.Globalization;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Finds schemeless host names in text (<c>shop.example.com</c>): dot-separated labels of letters, digits, '_' and '-'
/// (each 1–63 chars, starting and ending with a letter or digit) ending in a top-level label of 2–63 letters or an
/// <c>xn--</c> label, starting at the text's start or after punctuation or space, and ending before space, markup or a
/// port, path or final dot (SpamAssassin's schemeless-URI delimiters).
/// </summary>
/// <remarks>
/// Means exactly what the regex it replaced meant (kept as the oracle of <c>BareHostScannerTests</c>):
/// <c>(?&lt;=^|[!"#$&amp;'()*+,/:;&lt;=&gt;?@\[\\\]^`{|}~\s\x1b\xa0])(?:[\p{L}\p{N}](?:[\p{L}\p{N}_\-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9\-]{1,59})(?=$|[\s&lt;&gt;"`}\]{\[|\x1b\xa0:/.,;!?)'])</c>,
/// ignore case, leftmost matches that do not overlap. A label runs to the next non-label char, so it must end exactly at
/// a dot; the regex's backtracking only ever gives back whole labels, which the scan tries from the longest name down.
/// </remarks>
internal static class BareHostScanner
{
    private static readonly SearchValues<char> Before = SearchValues.Create("!\"#$&'()*+,/:;<=>?@[\\]^`{|}~\x1b\xa0");
    private static readonly AsciiMask AsciiBefore = TextScan.AsciiMaskOf(Before) | TextScan.AsciiMaskOf(TextScan.WhiteSpace);
    private static readonly SearchValues<char> After = SearchValues.Create("<>\"`}]{[|\x1b\xa0:/.,;!?)'");

    /// <summary>Finds the first host name at or after <paramref name="from"/>; false when there is none.</summary>
    public static bool TryFind(ReadOnlySpan<char> text, int from, out int start, out int length)
    {
        for (var candidate = from; candidate < text.Length; candidate++)
        {
            // A host's first label starts with a letter or digit (MatchAt would find no label): no label stack set up.
            if ((candidate > 0 && !IsBefore(text[candidate - 1])) || !IsLetterOrNumber(text[candidate]))
            {
                continue;
            }

            var end = MatchAt(text, candidate);
            if (end > 0)
            {
                start = candidate;
                length = end - candidate;
                return true;
            }
        }

        start = length = 0;
        return false;
    }

    /// <summary>Whether <paramref name="c"/> may stand before a host (the lookbehind's set, white space included).</summary>
    internal static bool IsBefore(char c) => char.IsAscii(c) ? AsciiBefore.Contains(c) : Before.Contains(c) || char.IsWhiteSpace(c);

    // The end of the host starting at start, or -1.
    private static int MatchAt(ReadOnlySpan<char> text, int start)
    {
        // Greedy: as many "label." as there are; then the top-level label after the last, else after one fewer, and so on.
        Span<int> labelEnds = stackalloc int[16];
        var labels = 0;
        var position = start;
        var overflow = false;
        while (LabelEnd(text, position) is var end && end >= 0 && end < text.Length && text[end] == '.')
        {
            if (labels == labelEnds.Length)
            {
                overflow = true;
                break;
            }

            labelEnds[labels++] = end;
            position = end + 1;
        }

        if (overflow)
        {
            return MatchAtSlow(text, start);
        }

        for (var count = labels; count >= 1; count--)
        {
            var topLevel = TopLevelEnd(text, labelEnds[count - 1] + 1);
            if (topLevel >= 0)
            {
                return topLevel;
            }
        }

        return -1;
    }

    // Rare: more than 16 labels; the same search with a list.
    private static int MatchAtSlow(ReadOnlySpan<char> text, int start)
    {
        var labelEnds = new List<int>();
        for (var position = start; LabelEnd(text, position) is var end && end >= 0 && end < text.Length && text[end] == '.'; position = end + 1)
        {
            labelEnds.Add(end);
        }

        for (var count = labelEnds.Count; count >= 1; count--)
        {
            var topLevel = TopLevelEnd(text, labelEnds[count - 1] + 1);
            if (topLevel >= 0)
            {
                return topLevel;
            }
        }

        return -1;
    }

    // The end of a label ([\p{L}\p{N}] then up to 62 of [\p{L}\p{N}_-] ending with [\p{L}\p{N}]) at start: the run of label
    // chars, -1 when it breaks the rules.
    private static int LabelEnd(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && (IsLetterOrNumber(text[end]) || text[end] is '_' or '-'))
        {
            end++;
        }

        var length = end - start;
        return length is >= 1 and <= 63 && IsLetterOrNumber(text[start]) && IsLetterOrNumber(text[end - 1]) ? end : -1;
    }

    // The end of a top-level label at start followed by the end or a delimiter: 2–63 letters, or xn-- and 1–59 of
    // [a-z0-9-] (any case); -1 for none.
    private static int TopLevelEnd(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && IsLetter(text[end]))
        {
            end++;
        }

        if (end - start is >= 2 and <= 63 && EndsHost(text, end))
        {
            return end;
        }

        if (!TextScan.HasIgnoreCase(text, start, "xn--"))
        {
            return -1;
        }

        end = start + 4;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '\u212A'))
        {
            end++;
        }

        return end - start - 4 is >= 1 and <= 59 && EndsHost(text, end) ? end : -1;
    }

    private static bool EndsHost(ReadOnlySpan<char> text, int index) =>
        index == text.Length || After.Contains(text[index]) || char.IsWhiteSpace(text[index]);

    internal static bool IsLetter(char c) =>
        char.IsAscii(c) ? char.IsAsciiLetter(c) : char.GetUnicodeCategory(c) <= UnicodeCategory.OtherLetter;

    internal static bool IsLetterOrNumber(char c) =>
        char.IsAscii(c) ? char.IsAsciiLetterOrDigit(c) : char.GetUnicodeCategory(c) is <= UnicodeCategory.OtherLetter or (>= UnicodeCategory.DecimalDigitNumber and <= UnicodeCategory.OtherNumber);
}

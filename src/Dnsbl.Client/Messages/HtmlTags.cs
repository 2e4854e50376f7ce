namespace Dnsbl.Client.Messages;

/// <summary>
/// Replaces the markup of an HTML body with spaces, leaving its visible text: each comment (<c>&lt;!-- … --&gt;</c>),
/// script or style element (up to its closing tag) and other tag becomes one space, so that words on both sides of a tag
/// do not join. Entities are left for the caller to decode.
/// </summary>
/// <remarks>
/// The scanner behaves as the regex it replaced, <c>&lt;!--.*?--&gt;|&lt;(?:script|style)\b.*?&lt;/(?:script|style)\s*&gt;|&lt;[^&gt;]*&gt;</c>
/// (ignore case, single line; kept as the oracle of <c>HtmlTagsScanTests</c>): at each '&lt;', the first alternative
/// that matches wins, and an unclosed comment or element falls back to the plain tag. A search that found no end once
/// is not repeated, so unclosed comments or scripts cannot make the scan quadratic.
/// </remarks>
internal static partial class HtmlTags
{
    /// <summary>The text with every tag, comment and script/style element replaced by one space.</summary>
    public static string ReplaceWithSpaces(string html)
    {
        if (html.IndexOf('<', StringComparison.Ordinal) < 0)
        {
            return html;
        }

        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(html.Length);
        try
        {
            return new string(buffer, 0, ReplaceWithSpaces(html, buffer));
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Writes the text of <paramref name="html"/> with every tag, comment and script/style element replaced by one space
    /// into <paramref name="destination"/> (at least as long as the HTML: the text is never longer).
    /// </summary>
    /// <returns>The length of the text.</returns>
    public static int ReplaceWithSpaces(string html, Span<char> destination)
    {
        var written = 0;
        var copied = 0;
        var searches = new EndSearches();
        for (var position = html.IndexOf('<', StringComparison.Ordinal); position >= 0;)
        {
            var end = MatchAt(html, position, ref searches);
            if (end == NoMoreTags)
            {
                break;
            }

            if (end < 0)
            {
                position = IndexOf(html, '<', position + 1);
                continue;
            }

            html.AsSpan(copied, position - copied).CopyTo(destination[written..]);
            written += position - copied;
            destination[written++] = ' ';
            copied = end;
            position = IndexOf(html, '<', end);
        }

        html.AsSpan(copied).CopyTo(destination[written..]);
        return written + html.Length - copied;
    }

    private const int NoMatch = -1;
    private const int NoMoreTags = -2;

    // The end (exclusive) of the markup starting at html[start] == '<'.
    private static int MatchAt(string html, int start, ref EndSearches searches)
    {
        var span = html.AsSpan();
        if (IsPlainTag(span, start))
        {
            return PlainTagEnd(html, start);
        }

        if (span[start..].StartsWith("<!--") && start + 4 < searches.NoCommentEndFrom)
        {
            var close = IndexOf(html, "-->", start + 4);
            if (close >= 0)
            {
                return close + 3;
            }

            searches.NoCommentEndFrom = start + 4;
        }

        var nameEnd = TextScan.HasIgnoreCase(span, start + 1, "script") ? start + 7 : TextScan.HasIgnoreCase(span, start + 1, "style") ? start + 6 : -1;
        if (nameEnd > 0 && (nameEnd == span.Length || !TextScan.IsBoundaryWordChar(span[nameEnd])) && nameEnd < searches.NoElementEndFrom)
        {
            var close = ElementClose(span, nameEnd);
            if (close >= 0)
            {
                return close;
            }

            searches.NoElementEndFrom = nameEnd;
        }

        return PlainTagEnd(html, start);
    }

    // Most tags are plain: one look at the char after the '<' at start rules out a comment ("<!"), a script and a style
    // ("<s", any case), the only markup that does not end at the next '>'.
    private static bool IsPlainTag(ReadOnlySpan<char> html, int start)
    {
        var next = start + 1 < html.Length ? html[start + 1] : '\0';
        return next != '!' && (next | 0x20) != 's';
    }

    private static int PlainTagEnd(string html, int start)
    {
        var gt = IndexOf(html, '>', start + 1);
        return gt >= 0 ? gt + 1 : NoMoreTags; // no '>' anywhere after: no later '<' can match either
    }

    // The end of the first "</script\s*>" or "</style\s*>" (any case) at or after from.
    private static int ElementClose(ReadOnlySpan<char> html, int from)
    {
        for (var open = IndexOf(html, "</", from); open >= 0; open = IndexOf(html, "</", open + 1))
        {
            var after = TextScan.HasIgnoreCase(html, open + 2, "script") ? open + 8 : TextScan.HasIgnoreCase(html, open + 2, "style") ? open + 7 : -1;
            if (after < 0)
            {
                continue;
            }

            while (after < html.Length && char.IsWhiteSpace(html[after]))
            {
                after++;
            }

            if (after < html.Length && html[after] == '>')
            {
                return after + 1;
            }
        }

        return NoMatch;
    }

    private static int IndexOf(ReadOnlySpan<char> text, char value, int from) => NearbyChar.IndexOf(text, value, from);

    private static int IndexOf(ReadOnlySpan<char> text, string value, int from)
    {
        var found = text[from..].IndexOf(value, StringComparison.Ordinal);
        return found < 0 ? -1 : from + found;
    }

    // Where a search for a comment's or an element's end already failed: any search starting later fails too.
    private struct EndSearches()
    {
        public int NoCommentEndFrom { get; set; } = int.MaxValue;

        public int NoElementEndFrom { get; set; } = int.MaxValue;
    }
}

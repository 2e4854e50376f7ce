namespace Dnsbl.Client.Messages;

/// <summary>
/// Finds the link-bearing attributes of HTML (<c>href</c>, <c>src</c>, <c>action</c>, <c>background</c>) and their
/// values, quoted or not, in document order.
/// </summary>
/// <remarks>
/// Means exactly what the regex it replaced meant (kept as the oracle of <c>HtmlLinkAttributesTests</c>):
/// <c>\b(href|src|action|background)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s&gt;"']+))</c>, ignore case. Every match holds
/// an '=', and matches begin in the order of their '=', so the scan visits the '=' signs and looks back for the name.
/// </remarks>
internal static class HtmlLinkAttributes
{
    /// <summary>The attributes of <paramref name="html"/>: each one's link priority and its value's range.</summary>
    /// <remarks>The link extractor finds them in its one walk over the HTML (<c>HtmlTags.Attributes</c>), which is tested against this.</remarks>
    public static IEnumerable<(int Priority, int ValueStart, int ValueLength)> Find(string html)
    {
        var resumeAt = 0;
        for (var equals = IndexOf(html, '=', 0); equals >= 0; equals = IndexOf(html, '=', equals + 1))
        {
            if (!TryMatch(html, equals, resumeAt, out var priority, out var valueStart, out var valueLength, out var end))
            {
                continue;
            }

            yield return (priority, valueStart, valueLength);
            resumeAt = end;
            equals = end - 1;
        }
    }

    /// <summary>Whether an attribute's '=' stands at <paramref name="equals"/>, its name at or after <paramref name="resumeAt"/>.</summary>
    internal static bool TryMatch(ReadOnlySpan<char> html, int equals, int resumeAt, out int priority, out int valueStart, out int valueLength, out int end)
    {
        priority = valueStart = valueLength = end = 0;
        var nameEnd = equals;
        while (nameEnd > resumeAt && char.IsWhiteSpace(html[nameEnd - 1]))
        {
            nameEnd--;
        }

        // The names end in different letters (none a 'k', the one letter with a non-ASCII case form): the char before the
        // '=' names the one candidate, and most '=' signs (in URLs, styles, other attributes) are ruled out at once.
        var (name, namePriority) = nameEnd > resumeAt ? (html[nameEnd - 1] | 0x20) switch
        {
            'f' => Names[0],
            'c' => Names[1],
            'n' => Names[2],
            'd' => Names[3],
            _ => (string.Empty, 0),
        } : (string.Empty, 0);
        var nameStart = nameEnd - name.Length;
        if (name.Length == 0 || nameStart < resumeAt || !TextScan.HasIgnoreCase(html, nameStart, name) || !TextScan.WordStartsAt(html, nameStart))
        {
            return false;
        }

        priority = namePriority;

        var value = equals + 1;
        while (value < html.Length && char.IsWhiteSpace(html[value]))
        {
            value++;
        }

        if (value >= html.Length)
        {
            return false;
        }

        if (html[value] is '"' or '\'')
        {
            var close = NearbyChar.IndexOf(html, html[value], value + 1);
            if (close < 0)
            {
                return false;
            }

            (valueStart, valueLength, end) = (value + 1, close - value - 1, close + 1);
            return true;
        }

        var length = 0;
        while (value + length < html.Length && !char.IsWhiteSpace(html[value + length]) && html[value + length] is not ('>' or '"' or '\''))
        {
            length++;
        }

        (valueStart, valueLength, end) = (value, length, value + length);
        return length > 0;
    }

    private static readonly (string Name, int Priority)[] Names =
    [
        ("href", LinkPriority.Anchor),
        ("src", LinkPriority.Image),
        ("action", LinkPriority.Form),
        ("background", LinkPriority.OtherMarkup),
    ];

    private static int IndexOf(ReadOnlySpan<char> text, char value, int from) => from >= text.Length ? -1 : NearbyChar.IndexOf(text, value, from);
}

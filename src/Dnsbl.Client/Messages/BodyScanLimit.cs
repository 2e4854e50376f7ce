using System.Globalization;

namespace Dnsbl.Client.Messages;

/// <summary>
/// SpamAssassin's <c>body_part_scan_size</c> (50,000 by default) for the link scan: each text part's rendered text is
/// cut a little after that many characters (at the next line break within 1,024, else the next space within 1,024,
/// else right there), and links in the rest of that text are not found, as SpamAssassin's URI scan does not find them.
/// Link attributes of an HTML part (href, src...) are read from the whole part, as SpamAssassin's HTML parser reads them:
/// the cut HTML serves only the visible text.
/// </summary>
/// <remarks>
/// A text/plain part's rendered text is its decoded text. An HTML part's is what SpamAssassin's renderer makes of it:
/// runs of white space as one space, <c>br</c>/<c>div</c> as a line break, <c>p</c>-like tags as two, cells and list
/// items as a space, no script or style; it is counted here on the HTML itself, each entity as one character, so a
/// link within a few characters of the cut may fall on the other side of it than in SpamAssassin.
/// </remarks>
internal static class BodyScanLimit
{
    /// <summary>How far past the scan size SpamAssassin looks for a line break or space to cut at.</summary>
    private const int CutSearch = 1024;

    /// <summary>
    /// What the link and body-word scans read: the text body with every part longer than <paramref name="scanSize"/>
    /// cut, and the HTML body whose visible text is read, with every part cut after its rendered text's cut (the whole
    /// HTML body still gives the link attributes). The bodies themselves when nothing is cut or <paramref name="scanSize"/>
    /// is 0. Each cut part is reported in <paramref name="problems"/>.
    /// </summary>
    public static (string? Text, string? HtmlText) Apply(MessageContext context, int scanSize, List<MessageProblem> problems)
    {
        if (scanSize <= 0)
        {
            return (context.TextBody, context.HtmlBody);
        }

        var text = context.TextBody is { } t && t.Length > scanSize ? CutParts(t, context.TextPartEnds, scanSize, isHtml: false, problems) : context.TextBody;
        var html = context.HtmlBody is { } h && h.Length > scanSize ? CutParts(h, context.HtmlPartEnds, scanSize, isHtml: true, problems) : context.HtmlBody;
        return (text, html);
    }

    /// <summary>Where SpamAssassin cuts a rendered text of <paramref name="text"/>'s length: the length it keeps.</summary>
    public static int TextCut(ReadOnlySpan<char> text, int scanSize)
    {
        if (text.Length <= scanSize)
        {
            return text.Length;
        }

        var window = text[scanSize..Math.Min(text.Length, scanSize + CutSearch + 1)];
        var at = window.IndexOf('\n');
        if (at < 0)
        {
            at = window.IndexOf(' ');
        }

        return at < 0 ? scanSize : scanSize + at + 1;
    }

    /// <summary>
    /// The position in <paramref name="html"/> after which its rendered text is cut (the HTML's length when it is not),
    /// counting the rendered text as the remarks above describe.
    /// </summary>
    public static int HtmlCut(ReadOnlySpan<char> html, int scanSize)
    {
        var rendered = 0; // characters of rendered text so far
        var afterBlock = false; // the last thing rendered was a white-space element: a text's leading space is dropped
        var endsInSpace = false; // the last rendered text ended in a collapsed space: a white-space element drops it
        var hardCut = -1; // where the rendered text reached the scan size: the cut when no break or space follows
        var spaceCut = -1;
        for (var i = 0; i < html.Length && rendered <= scanSize + CutSearch;)
        {
            var c = html[i];
            if (c == '<' && TagEnd(html, i) is var (end, tag) && end > i)
            {
                if (TagText(tag) is var produced and > 0)
                {
                    rendered -= endsInSpace ? 1 : 0;
                    var first = rendered;
                    rendered += produced;
                    (afterBlock, endsInSpace) = (true, false);
                    hardCut = hardCut < 0 && rendered >= scanSize ? end : hardCut;
                    // SpamAssassin cuts after the first line break at or past the scan size (br, div, p...), else
                    // after the first space there (cells and list items render as one).
                    if (rendered > scanSize && first <= scanSize + CutSearch)
                    {
                        if (produced == 2 || tag is "br" or "div")
                        {
                            return end;
                        }

                        spaceCut = spaceCut < 0 ? end : spaceCut;
                    }
                }

                i = SkipElementContent(html, end, tag);
                continue;
            }

            if (IsHtmlSpace(c))
            {
                while (i < html.Length && IsHtmlSpace(html[i]))
                {
                    i++;
                }

                if (!afterBlock && !endsInSpace)
                {
                    rendered++;
                    endsInSpace = true;
                    hardCut = hardCut < 0 && rendered >= scanSize ? i : hardCut;
                    if (rendered > scanSize && spaceCut < 0)
                    {
                        spaceCut = i;
                    }
                }

                continue;
            }

            i = c == '&' ? EntityEnd(html, i) : i + 1;
            rendered++;
            (afterBlock, endsInSpace) = (false, false);
            hardCut = hardCut < 0 && rendered >= scanSize ? i : hardCut;
        }

        return rendered <= scanSize ? html.Length : spaceCut >= 0 ? spaceCut : hardCut;
    }

    private static string CutParts(string body, IReadOnlyList<int>? partEnds, int scanSize, bool isHtml, List<MessageProblem> problems)
    {
        System.Text.StringBuilder? cut = null;
        var start = 0;
        var ends = partEnds ?? [body.Length];
        foreach (var end in ends)
        {
            var part = body.AsSpan(start, end - start);
            var keep = part.Length <= scanSize ? part.Length : isHtml ? HtmlCut(part, scanSize) : TextCut(part, scanSize);
            if (keep < part.Length)
            {
                cut ??= new System.Text.StringBuilder(body, 0, start, body.Length);
                cut.Append(part[..keep]);

                problems.Add(MessageProblem.Create(MessageProblemKind.PartScanLimited, isHtml
                    ? string.Create(CultureInfo.InvariantCulture, $"an HTML part's text is over the body scan size ({scanSize:N0}, body_part_scan_size): links in its text after position {keep:N0} are not asked; its link attributes are")
                    : string.Create(CultureInfo.InvariantCulture, $"a text part is over the body scan size ({scanSize:N0} characters, body_part_scan_size): links after its character {keep:N0} are not asked")));
            }
            else
            {
                cut?.Append(part);
            }

            // The parts are joined by one line break.
            if (end < body.Length)
            {
                cut?.Append('\n');
            }

            start = end + 1;
        }

        return cut?.ToString() ?? body;
    }

    // A tag starting at 'at': where it ends (past '>') and its lower-case name; (at, "") when '<' starts no tag.
    private static (int End, string Name) TagEnd(ReadOnlySpan<char> html, int at)
    {
        if (at + 1 >= html.Length)
        {
            return (at, "");
        }

        var next = html[at + 1];
        if (next == '!' && html[(at + 1)..].StartsWith("!--", StringComparison.Ordinal))
        {
            var close = html[(at + 4)..].IndexOf("-->", StringComparison.Ordinal);
            return (close < 0 ? html.Length : at + 4 + close + 3, "!--");
        }

        if (!(char.IsAsciiLetter(next) || next == '/' || next == '!' || next == '?'))
        {
            return (at, "");
        }

        var gt = html[at..].IndexOf('>');
        var tagEnd = gt < 0 ? html.Length : at + gt + 1;
        var nameStart = next == '/' ? at + 2 : at + 1;
        var nameEnd = nameStart;
        while (nameEnd < tagEnd && char.IsAsciiLetterOrDigit(html[nameEnd]))
        {
            nameEnd++;
        }

        var name = next == '/' ? "/" : html[nameStart..nameEnd].ToString().ToLowerInvariant();
        return (tagEnd, name);
    }

    // What SpamAssassin's renderer writes for a start tag: br/div a line break, p-like tags two, cells and items a space.
    private static int TagText(string tag) => tag switch
    {
        "br" or "div" => 1,
        "li" or "th" or "td" or "dd" or "dt" or "embed" => 1,
        "p" or "hr" or "blockquote" or "pre" or "listing" or "plaintext" or "xmp" or "title" => 2,
        _ when tag.Length == 2 && tag[0] == 'h' && char.IsAsciiDigit(tag[1]) => 1,
        _ => 0,
    };

    // Script and style text is not rendered: skip to the end of the element.
    private static int SkipElementContent(ReadOnlySpan<char> html, int end, string tag)
    {
        if (tag is not ("script" or "style"))
        {
            return end;
        }

        var close = html[end..].IndexOf(tag == "script" ? "</script" : "</style", StringComparison.OrdinalIgnoreCase);
        return close < 0 ? html.Length : end + close;
    }

    private static int EntityEnd(ReadOnlySpan<char> html, int at)
    {
        var limit = Math.Min(html.Length, at + 12);
        for (var i = at + 1; i < limit; i++)
        {
            if (html[i] == ';')
            {
                return i + 1;
            }

            if (!char.IsAsciiLetterOrDigit(html[i]) && html[i] != '#')
            {
                break;
            }
        }

        return at + 1;
    }

    private static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' or '\u00A0';
}

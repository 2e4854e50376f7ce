namespace Dnsbl.Client.Messages;

/// <summary>
/// The target of an HTTP redirector link, as SpamAssassin's <c>uri_list_canonicalize</c> (Mail::SpamAssassin::Util) finds
/// it: first the configured <see cref="MessageOptions.RedirectorPatterns"/> over the canonical link
/// (<see cref="RedirectorLink"/>); when none gives a target with a '.', the built-in rule: in an <c>http</c>/<c>https</c>
/// link with %-escapes decoded, the first <c>http(s):</c> URL in the path or query, up to <c>&amp;</c> or <c>#</c>
/// (<c>https://www.google.com/url?q=http://target.example/x&amp;sa=D</c> → <c>http://target.example/x</c>).
/// </summary>
/// <remarks>
/// The built-in rule is a scanner, not regexes: every link of a message passes here, and three regex runs (with timeouts)
/// per link were a fifth of a newsletter's planning time. <c>RedirectTargetScanTests</c> holds the former patterns as its oracle.
/// </remarks>
internal static class RedirectTarget
{
    /// <summary>The built-in rule's target in <paramref name="link"/> (whose authority starts at <paramref name="authorityStart"/>), with <c>//</c> after its scheme; null when there is none.</summary>
    public static string? Of(string link, int authorityStart) => Of(link, authorityStart, RedirectorPatternSet.Empty);

    /// <summary>
    /// The redirect target in <paramref name="link"/>: the first of <paramref name="redirectors"/> to give one (with
    /// <c>http://</c> put in front when it has no scheme, as SpamAssassin reads an unschemed link), else the built-in rule's.
    /// </summary>
    public static string? Of(string link, int authorityStart, RedirectorPatternSet redirectors) =>
        Of(link, authorityStart, redirectors, out _);

    /// <summary>
    /// As <see cref="Of(string, int, RedirectorPatternSet)"/>; <paramref name="patternsTimedOut"/> counts the patterns that
    /// ran out of time on the link (<see cref="RedirectorPatternSet.TargetOf"/>), for the caller to report.
    /// </summary>
    public static string? Of(string link, int authorityStart, RedirectorPatternSet redirectors, out int patternsTimedOut)
    {
        ArgumentNullException.ThrowIfNull(redirectors);
        patternsTimedOut = 0;
        if (!RedirectorLink.IsRedirectorCandidate(link, authorityStart))
        {
            return null; // another scheme: SpamAssassin looks for redirectors in http(s) links only
        }

        if (redirectors.HasPatterns && redirectors.TargetOf(RedirectorLink.Canonical(link, authorityStart), out patternsTimedOut) is { } configured)
        {
            return RedirectorLink.WithScheme(configured);
        }

        // The path starts at the first '/' after the authority (SpamAssassin inserts one before a bare '?').
        var pathStart = link.AsSpan(authorityStart).IndexOfAny('/', '?', '#');
        if (pathStart < 0)
        {
            return null;
        }

        ReadOnlySpan<char> rest = link.AsSpan(authorityStart + pathStart);
        if (HasPercentEscape(rest))
        {
            rest = Decode(rest.ToString());
        }

        return EmbeddedUrl(rest);
    }

    // SpamAssassin's hard-coded redirector rule, m{(https?:/{0,2}[^&#]+)}i over the part after the host, then the
    // slashes after the scheme made "//". The match runs from "http:" or "https:" to the first '&' or '#', and needs at
    // least one char after the colon ('/' included). Only the first match counts, and only when it holds a '.'.
    internal static string? EmbeddedUrl(ReadOnlySpan<char> text)
    {
        for (var start = text.IndexOfAny('h', 'H'); start >= 0; start = Next(text, start))
        {
            if (!TextScan.HasIgnoreCase(text, start, "http"))
            {
                continue;
            }

            var colon = start + 4;
            if (colon < text.Length && (text[colon] | 0x20) == 's' && colon + 1 < text.Length && text[colon + 1] == ':')
            {
                colon++;
            }

            if (colon >= text.Length || text[colon] != ':')
            {
                continue;
            }

            var body = text[(colon + 1)..];
            var end = body.IndexOfAny('&', '#');
            body = end < 0 ? body : body[..end];
            if (body.IsEmpty)
            {
                continue;
            }

            if (!body.Contains('.'))
            {
                return null;
            }

            var slashes = body.StartsWith("//") ? 2 : body.StartsWith('/') ? 1 : 0;
            return string.Concat(text[start..(colon + 1)], "//", body[slashes..]);
        }

        return null;
    }

    private static int Next(ReadOnlySpan<char> text, int after)
    {
        var next = text[(after + 1)..].IndexOfAny('h', 'H');
        return next < 0 ? -1 : after + 1 + next;
    }

    private static bool HasPercentEscape(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOf('%'); i >= 0 && i + 2 < text.Length; i = Next(text, i, '%'))
        {
            if (char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                return true;
            }
        }

        return false;
    }

    private static int Next(ReadOnlySpan<char> text, int after, char value)
    {
        var next = text[(after + 1)..].IndexOf(value);
        return next < 0 ? -1 : after + 1 + next;
    }

    // %xx decoded byte by byte, as SpamAssassin decodes; an invalid escape stays as written.
    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}

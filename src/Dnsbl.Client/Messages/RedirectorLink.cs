using System.Buffers;
using System.Text;

namespace Dnsbl.Client.Messages;

/// <summary>
/// A link as SpamAssassin's <c>uri_list_canonicalize</c> (Mail::SpamAssassin::Util) hands it to its
/// <c>redirector_patterns</c>: <c>"$proto$host$rest"</c> of the canonical URI, and the target a pattern captures read back
/// as a link.
/// </summary>
internal static class RedirectorLink
{
    // Perl's m/^[-_a-z0-9]+:/i: what SpamAssassin takes for a scheme.
    private static readonly SearchValues<char> SchemeCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    /// <summary>Whether <paramref name="link"/> has the scheme http or https (any case).</summary>
    public static bool IsHttp(ReadOnlySpan<char> link) =>
        link.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || link.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether SpamAssassin looks for a redirector in <paramref name="link"/> (whose authority starts at
    /// <paramref name="authorityStart"/>): an http(s) link, or an unschemed one, which it reads as http://.
    /// </summary>
    public static bool IsRedirectorCandidate(ReadOnlySpan<char> link, int authorityStart) => IsHttp(link) || authorityStart is 0 or 2;

    /// <summary>
    /// The string a redirector pattern runs on: backslashes made '/', the scheme <c>http://</c> for an unschemed link,
    /// %-escapes decoded as SpamAssassin's <c>url_encode</c> decodes them (when the link has one), a '/' put between the
    /// host and a '?' or '#' that follows it, and the user info (<c>user:pass@</c>) left out.
    /// </summary>
    public static string Canonical(string link, int authorityStart)
    {
        var isHttp = authorityStart > 2;
        var text = string.Concat(isHttp ? link.AsSpan(0, authorityStart) : "http://", link.AsSpan(authorityStart)).Replace('\\', '/');
        var hostStart = isHttp ? authorityStart : "http://".Length;
        if (HasPercentEscape(text))
        {
            text = string.Concat(text.AsSpan(0, hostStart), PercentDecode(text.AsSpan(hostStart)));
        }

        var authorityLength = text.AsSpan(hostStart).IndexOfAny('/', '?', '#');
        var authority = authorityLength < 0 ? text.AsSpan(hostStart) : text.AsSpan(hostStart, authorityLength);
        var rest = authorityLength < 0 ? [] : text.AsSpan(hostStart + authorityLength);
        var at = authority.IndexOf('@');
        var host = at < 0 ? authority : authority[(at + 1)..];
        var slash = rest.Length > 0 && rest[0] is '?' or '#' ? "/" : "";
        return string.Concat(text.AsSpan(0, hostStart), host, slash, rest);
    }

    /// <summary>
    /// <paramref name="target"/> as a link with a scheme, as SpamAssassin reads the target it adds back to the link list:
    /// trimmed; a mail address (an '@' before any ':') as <c>mailto:</c>; no scheme → <c>http://</c> (<c>ftp://</c> before
    /// <c>ftp.</c>); <c>http:</c> with fewer than two slashes given both.
    /// </summary>
    public static string WithScheme(string target)
    {
        var text = target.Trim();
        var colon = text.IndexOf(':');
        var at = text.IndexOf('@');
        if (at >= 0 && (colon < 0 || at < colon))
        {
            return "mailto:" + text;
        }

        if (colon <= 0 || text.AsSpan(0, colon).IndexOfAnyExcept(SchemeCharacters) >= 0)
        {
            return (text.StartsWith("ftp.", StringComparison.Ordinal) ? "ftp://" : "http://") + text;
        }

        var scheme = text.AsSpan(0, colon);
        if (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            var body = text.AsSpan(colon + 1);
            var slashes = body.StartsWith("//") ? 2 : body.StartsWith("/") ? 1 : 0;
            return string.Concat(text.AsSpan(0, colon + 1), "//", body[slashes..]);
        }

        return text;
    }

    private static bool HasPercentEscape(string text)
    {
        for (var i = text.IndexOf('%', StringComparison.Ordinal); i >= 0 && i + 2 < text.Length; i = text.IndexOf('%', i + 1))
        {
            if (char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                return true;
            }
        }

        return false;
    }

    // SpamAssassin's url_encode: an escape of a printable character (%21-%7E, first digit 2-7) is decoded; the escapes of
    // space, DEL, controls and bytes over 0x7F stay; a raw space, control, byte over 0x7F, '"', '%', '<' or '>' is escaped.
    private static string PercentDecode(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                var value = Convert.ToInt32(text.Slice(i + 1, 2).ToString(), 16);
                if (value is > 0x20 and < 0x7F)
                {
                    builder.Append((char)value);
                }
                else
                {
                    builder.Append(text.Slice(i, 3));
                }

                i += 2;
            }
            else if (c <= ' ' || c >= '\x7F' || c is '"' or '%' or '<' or '>')
            {
                if (c > '\xFF')
                {
                    builder.Append(c); // a decoded character beyond Latin-1: SpamAssassin's bytes would be its UTF-8; kept as is
                }
                else
                {
                    builder.Append('%').Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

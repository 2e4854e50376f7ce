using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

/// <summary>
/// The target of an HTTP redirector link, as SpamAssassin's <c>uri_list_canonicalize</c> finds it without configured
/// patterns: in an <c>http</c>/<c>https</c> link with %-escapes decoded, the first <c>http(s):</c> URL in the path or
/// query, up to <c>&amp;</c> or <c>#</c> (<c>https://www.google.com/url?q=http://target.example/x&amp;sa=D</c> →
/// <c>http://target.example/x</c>). Only the link's host is asked today, so the target adds its own host.
/// </summary>
internal static partial class RedirectTarget
{
    // SpamAssassin's hard-coded redirector rule: m{(https?:/{0,2}[^&#]+)}i over the part after the host.
    [GeneratedRegex(@"https?:/{0,2}[^&#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex EmbeddedUrl();

    [GeneratedRegex(@"^(https?:)/{0,2}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeSlashes();

    [GeneratedRegex(@"%[0-9A-Fa-f]{2}", RegexOptions.CultureInvariant)]
    private static partial Regex PercentEscape();

    /// <summary>The redirect target in <paramref name="link"/> (whose authority starts at <paramref name="authorityStart"/>), with <c>//</c> after its scheme; null when there is none.</summary>
    public static string? Of(string link, int authorityStart)
    {
        if (!link.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !link.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // The path starts at the first '/' after the authority (SpamAssassin inserts one before a bare '?').
        var pathStart = link.AsSpan(authorityStart).IndexOfAny('/', '?', '#');
        if (pathStart < 0)
        {
            return null;
        }

        var rest = link[(authorityStart + pathStart)..];
        if (PercentEscape().IsMatch(rest))
        {
            rest = Decode(rest);
        }

        try
        {
            var found = EmbeddedUrl().Match(rest);
            return found.Success ? SchemeSlashes().Replace(found.Value, "$1//") : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
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

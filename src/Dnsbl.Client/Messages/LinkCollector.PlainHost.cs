using System.Buffers;
using System.Text;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Messages;

// The one-pass path for the common link: an authority that is a plain host name.
internal sealed partial class LinkCollector
{
    /// <summary>
    /// The host of a link whose authority is a plain name (ASCII letters, digits, '.', '-', '_', up to the first '/', '?',
    /// '#' or the end), lower-cased and added in one pass: what the general path (<see cref="AddHost(ReadOnlySpan{char}, ref LazyText, bool, int, bool)"/>
    /// after the authority is cut out) does for such a link. False, with nothing added, for anything else (user info,
    /// a port, %-escapes, an IP literal or a numeric last label, a backslash or white space, non-ASCII, an over-long
    /// name), which the general path reads.
    /// </summary>
    private bool TryAddPlainHost(ReadOnlySpan<char> link, int authorityStart, ref LazyText origin, bool inMarkup, int priority)
    {
        var rest = link[authorityStart..];
        var end = rest.IndexOfAny('/', '?', '#');
        var authority = end < 0 ? rest : rest[..end];
        if (authority.Length > DomainName.MaxLength || authority.IndexOfAnyExcept(PlainHostCharacters) >= 0)
        {
            return false;
        }

        Span<char> name = stackalloc char[authority.Length];
        Ascii.ToLower(authority, name, out var length);

        // The general path trims trailing punctuation, of which only '.' can be here, and reads a numeric last label as an
        // address (or not a name).
        var host = name[..length].TrimEnd('.');
        var lastLabel = host[(host.LastIndexOf('.') + 1)..];
        if (lastLabel.IsEmpty || TextScan.IsAsciiDigits(lastLabel) || lastLabel.StartsWith("0x", StringComparison.Ordinal))
        {
            return false;
        }

        if (!RefusesMore() && DomainName.IsNormalized(host) && host.Contains('.') && HostUnderscoreRule.Allows(host))
        {
            Add(host, null, ref origin, inMarkup, priority, isMailAddress: false);
        }

        return true;
    }

    private static readonly SearchValues<char> PlainHostCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_");
}

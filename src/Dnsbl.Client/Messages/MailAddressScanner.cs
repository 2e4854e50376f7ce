using System.Buffers;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Finds bare e-mail addresses in text: 1–64 chars without white space or <c>&lt;&gt;"'`,([{|@:;</c>, starting at the
/// text's start or after one of those (white space and '@' included), then <c>@</c> and a domain of letters, digits, '-'
/// and '.' that starts and ends with a letter or digit (at most 252 chars); a domain followed by '@' and another such
/// domain gives way to it (<c>a@b@c.com</c> is one address of <c>c.com</c>).
/// </summary>
/// <remarks>
/// Means exactly what the regex it replaced meant (kept as the oracle of <c>MailAddressScannerTests</c>):
/// <c>(?&lt;![^\s&lt;&gt;"'`,(\[{|:;@])[^\s&lt;&gt;"'`,(\[{|@:;]{1,64}@(?:D@)*(?&lt;domain&gt;D)</c> with <c>D</c> =
/// <c>[\p{L}\p{N}](?:[\p{L}\p{N}\-.]{0,250}[\p{L}\p{N}])?</c>, leftmost matches that do not overlap. The local part
/// cannot hold '@', so it runs exactly to the '@'; the domain is the longest prefix of its run that ends in a letter or
/// digit. The '@' rules follow SpamAssassin, whose address pattern may start at any word boundary and whose domain part
/// runs on through '@': a fediverse handle <c>@alice@mastodon.social</c> or a template's <c>@ID@x@numerica.us</c> is an
/// address there, so its domain is a mail domain (skipped for URI lists by default), never a bare web host.
/// </remarks>
internal static class MailAddressScanner
{
    private const int MaxLocalLength = 64;

    // The domain's first char and up to 251 more.
    private const int MaxDomainLength = 252;

    // What a local part cannot hold: the delimiters, white space and '@' (each may also stand right before one).
    private static readonly SearchValues<char> NotInLocalPart = SearchValues.Create("<>\"'`,([{|:;@" + TextScan.WhiteSpaceChars);

    private static readonly AsciiMask AsciiNotInLocalPart = TextScan.AsciiMaskOf(NotInLocalPart);

    private static readonly SearchValues<char> AsciiDomainChars =
        SearchValues.Create("-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Finds the first address at or after <paramref name="from"/>; false when there is none.</summary>
    /// <param name="text">The text.</param>
    /// <param name="from">Where to start.</param>
    /// <param name="start">The address's start.</param>
    /// <param name="length">The address's length.</param>
    /// <param name="domainStart">Where its domain starts (after the '@').</param>
    /// <remarks>
    /// Visits only the '@'s: an address's local part runs back from its '@' to the nearest delimiter or '@' (it can start
    /// nowhere else), so each '@' has one candidate start, and later '@'s have later ones (leftmost first, as the regex).
    /// </remarks>
    public static bool TryFind(ReadOnlySpan<char> text, int from, out int start, out int length, out int domainStart)
    {
        for (var at = IndexOfAt(text, from); at >= 0; at = IndexOfAt(text, at + 1))
        {
            var localStart = LocalPartStart(text, from, at);
            var end = localStart < 0 ? -1 : DomainEnd(text, at + 1);
            var domain = at + 1;
            while (end > 0 && end < text.Length && text[end] == '@' && DomainEnd(text, end + 1) is var next and > 0)
            {
                domain = end + 1;
                end = next;
            }

            if (end > 0)
            {
                start = localStart;
                length = end - localStart;
                domainStart = domain;
                return true;
            }
        }

        start = length = domainStart = 0;
        return false;
    }

    private static int IndexOfAt(ReadOnlySpan<char> text, int from)
    {
        var found = from >= text.Length ? -1 : text[from..].IndexOf('@');
        return found < 0 ? -1 : from + found;
    }

    // The start of the 1-64 char local part (at or after from) that ends at the '@' at at, or -1: right after the nearest
    // delimiter or '@' before it, or at from itself when that follows one or is the text's start.
    private static int LocalPartStart(ReadOnlySpan<char> text, int from, int at)
    {
        // Local parts are short: a char-by-char look back costs less than a vectorised search's call.
        var lowest = Math.Max(from, at - MaxLocalLength - 1);
        for (var stop = at - 1; stop >= lowest; stop--)
        {
            if (IsNotInLocalPart(text[stop]))
            {
                return stop == at - 1 ? -1 : stop + 1;
            }
        }

        return at - from is >= 1 and <= MaxLocalLength && (from == 0 || IsNotInLocalPart(text[from - 1])) ? from : -1;
    }

    private static bool IsNotInLocalPart(char c) => char.IsAscii(c) ? AsciiNotInLocalPart.Contains(c) : NotInLocalPart.Contains(c);

    // The end of the domain at start, or -1: its first char and then the longest run (up to 251 more chars of
    // [\p{L}\p{N}.-]) that ends in a letter or digit. ASCII stretches of the run are found with one vectorised search.
    private static int DomainEnd(ReadOnlySpan<char> text, int start)
    {
        if (start >= text.Length || !BareHostScanner.IsLetterOrNumber(text[start]))
        {
            return -1;
        }

        var limit = Math.Min(text.Length, start + MaxDomainLength);
        var end = start + 1;
        while (end < limit)
        {
            var other = text[end..limit].IndexOfAnyExcept(AsciiDomainChars);
            if (other < 0)
            {
                end = limit;
                break;
            }

            end += other;
            if (char.IsAscii(text[end]) || !BareHostScanner.IsLetterOrNumber(text[end]))
            {
                break;
            }

            end++;
        }

        // Every char of the run but '-' and '.' is a letter or digit, and the first is one.
        while (text[end - 1] is '-' or '.')
        {
            end--;
        }

        return end;
    }
}

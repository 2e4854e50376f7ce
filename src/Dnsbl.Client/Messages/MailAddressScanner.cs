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
    private static readonly SearchValues<char> Delimiters = SearchValues.Create("<>\"'`,([{|:;");

    /// <summary>Finds the first address at or after <paramref name="from"/>; false when there is none.</summary>
    /// <param name="text">The text.</param>
    /// <param name="from">Where to start.</param>
    /// <param name="start">The address's start.</param>
    /// <param name="length">The address's length.</param>
    /// <param name="domainStart">Where its domain starts (after the '@').</param>
    public static bool TryFind(ReadOnlySpan<char> text, int from, out int start, out int length, out int domainStart)
    {
        for (var candidate = from; candidate < text.Length; candidate++)
        {
            if (candidate > 0 && !IsDelimiter(text[candidate - 1]) && text[candidate - 1] != '@')
            {
                continue;
            }

            var at = candidate;
            while (at < text.Length && at - candidate <= 64 && !IsDelimiter(text[at]) && text[at] != '@')
            {
                at++;
            }

            var end = at - candidate is >= 1 and <= 64 && at < text.Length && text[at] == '@' ? DomainEnd(text, at + 1) : -1;
            var domain = at + 1;
            while (end > 0 && end < text.Length && text[end] == '@' && DomainEnd(text, end + 1) is var next and > 0)
            {
                domain = end + 1;
                end = next;
            }

            if (end > 0)
            {
                start = candidate;
                length = end - candidate;
                domainStart = domain;
                return true;
            }
        }

        start = length = domainStart = 0;
        return false;
    }

    private static bool IsDelimiter(char c) => Delimiters.Contains(c) || char.IsWhiteSpace(c);

    // The end of the domain at start, or -1: its first char and then the longest run (up to 251 more chars of
    // [\p{L}\p{N}.-]) that ends in a letter or digit.
    private static int DomainEnd(ReadOnlySpan<char> text, int start)
    {
        if (start >= text.Length || !BareHostScanner.IsLetterOrNumber(text[start]))
        {
            return -1;
        }

        var end = start + 1;
        var last = end;
        while (end < text.Length && end - start <= 251 && (BareHostScanner.IsLetterOrNumber(text[end]) || text[end] is '-' or '.'))
        {
            end++;
            if (BareHostScanner.IsLetterOrNumber(text[end - 1]))
            {
                last = end;
            }
        }

        return last;
    }
}

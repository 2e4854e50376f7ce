using System.Buffers;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Finds the hosts that links in a message point to: URLs and bare host names in text and HTML, including common
/// obfuscations (<c>hxxp://</c>, <c>[.]</c>, <c>(dot)</c>, HTML entities, percent-encoded hosts, user info).
/// </summary>
/// <remarks>
/// Order (the planner's cap keeps the first ones): HTML attribute targets (href, src, action, background) in document
/// order, then URLs in the text body, then URLs in the HTML's visible text, then bare host names (text body, then HTML
/// text). Each host appears once, at its first position. Bare names count only when their top-level label is a known
/// public suffix, so "file.txt" is not a link.
/// </remarks>
internal static partial class LinkExtractor
{
    /// <summary>The distinct link targets of the two bodies, most relevant first.</summary>
    public static List<ExtractedLink> Extract(string? textBody, string? htmlBody, PublicSuffixList suffixes)
    {
        ArgumentNullException.ThrowIfNull(suffixes);
        var collector = new LinkCollector();
        try
        {
            Collect(textBody, htmlBody, suffixes, collector);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological body; the links found so far are still useful, and a check must never fail on content.
        }

        return collector.Links;
    }

    private static void Collect(string? textBody, string? htmlBody, PublicSuffixList suffixes, LinkCollector collector)
    {
        if (!string.IsNullOrEmpty(htmlBody))
        {
            foreach (var (priority, start, length) in HtmlLinkAttributes.Find(htmlBody))
            {
                var value = htmlBody.AsSpan(start, length);
                if (value.Contains('&'))
                {
                    collector.AddUrl(WebUtility.HtmlDecode(value.ToString()).Trim(), inMarkup: true, requireScheme: false, priority);
                }
                else
                {
                    // Most values hold no entity: read in place, a string only for a link that is kept.
                    collector.AddUrl(value.Trim(), inMarkup: true, requireScheme: false, priority);
                }
            }
        }

        // The scans work on pooled copies of the texts: URLs, then mail addresses, are blanked out as they are found.
        var text = RentDeobfuscated(textBody, out var textLength);
        var html = RentVisibleText(htmlBody, out var htmlLength);
        try
        {
            ScanUrls(text.AsSpan(0, textLength), collector);
            ScanUrls(html.AsSpan(0, htmlLength), collector);
            ScanBareHosts(text.AsSpan(0, textLength), collector, suffixes);
            ScanBareHosts(html.AsSpan(0, htmlLength), collector, suffixes);
        }
        finally
        {
            ReturnRented(text);
            ReturnRented(html);
        }
    }

    private static void ReturnRented(char[] chars)
    {
        if (chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    // The HTML's visible text: tags become spaces so that words on both sides of a tag do not join; then entities are
    // decoded and obfuscations undone (as strings, for the few texts that have any).
    private static char[] RentVisibleText(string? htmlBody, out int length)
    {
        if (string.IsNullOrEmpty(htmlBody))
        {
            length = 0;
            return [];
        }

        var chars = ArrayPool<char>.Shared.Rent(htmlBody.Length);
        length = HtmlTags.ReplaceWithSpaces(htmlBody, chars);
        var visible = chars.AsSpan(0, length);
        if (!visible.Contains('&') && !NeedsDeobfuscation(visible))
        {
            return chars;
        }

        ArrayPool<char>.Shared.Return(chars);
        return RentDeobfuscated(WebUtility.HtmlDecode(visible.ToString()), out length);
    }

    private static char[] RentDeobfuscated(string? body, out int length)
    {
        if (string.IsNullOrEmpty(body))
        {
            length = 0;
            return [];
        }

        var text = Deobfuscate(body);
        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        text.CopyTo(chars);
        length = text.Length;
        return chars;
    }

    // Finds URLs with a scheme (or "www."), records them, and blanks them out so bare-host scanning does not see
    // file names in their paths.
    private static void ScanUrls(Span<char> chars, LinkCollector collector)
    {
        for (var from = 0; UrlScanner.TryFind(chars, from, out var start, out var length); from = start + length)
        {
            collector.AddUrl(chars.Slice(start, length), inMarkup: false, requireScheme: false);
            chars.Slice(start, length).Fill(' ');
        }
    }

    // chars: the text with its URLs blanked out; the scan blanks its mail addresses too.
    internal static void ScanBareHosts(Span<char> chars, LinkCollector collector, PublicSuffixList suffixes)
    {
        // Bare e-mail addresses first (their domains are mail links, skipped by default as SpamAssassin does), blanked out
        // so that the host scan does not take their domains as web links. A word's addresses are blanked once the word is
        // scanned (a blank would otherwise start a new candidate within it); later words never read earlier ones.
        Span<(int Start, int Length)> found = stackalloc (int, int)[MaxAddressesPerWordOnStack];
        for (var position = 0; NextWord(chars, '@', position, out var wordStart, out var wordLength); position = wordStart + wordLength)
        {
            var word = chars.Slice(wordStart, wordLength);
            var count = 0;
            List<(int Start, int Length)>? more = null;
            for (var from = 0; MailAddressScanner.TryFind(word, from, out var start, out var length, out var domainStart); from = start + length)
            {
                collector.AddHost(word[domainStart..(start + length)], word.Slice(start, length), inMarkup: false, LinkPriority.Text, isMailAddress: true);
                if (count < found.Length)
                {
                    found[count++] = (start, length);
                }
                else
                {
                    (more ??= []).Add((start, length));
                }
            }

            foreach (var (start, length) in found[..count])
            {
                word.Slice(start, length).Fill(' ');
            }

            foreach (var (start, length) in more ?? [])
            {
                word.Slice(start, length).Fill(' ');
            }
        }

        Span<char> topLevel = stackalloc char[MaxTopLevelLength];
        for (var position = 0; NextWord(chars, '.', position, out var wordStart, out var wordLength); position = wordStart + wordLength)
        {
            var word = chars.Slice(wordStart, wordLength);
            for (var from = 0; BareHostScanner.TryFind(word, from, out var start, out var length); from = start + length)
            {
                if (collector.IsFull)
                {
                    return;
                }

                var host = word.Slice(start, length);
                if (IsPublicSuffix(host[(host.LastIndexOf('.') + 1)..], suffixes, topLevel))
                {
                    collector.AddHost(host, host, inMarkup: false);
                }
            }
        }
    }

    private const int MaxAddressesPerWordOnStack = 8;

    // A top-level label found by the host scan is 2-63 letters or "xn--" and up to 59 more chars.
    private const int MaxTopLevelLength = 63;

    // Whether the top-level label is a rule of the list: ASCII is lower-cased in place, anything else through IDNA.
    private static bool IsPublicSuffix(ReadOnlySpan<char> label, PublicSuffixList suffixes, Span<char> buffer)
    {
        if (label.Length <= buffer.Length && Ascii.IsValid(label))
        {
            var lower = buffer[..label.Length];
            Ascii.ToLower(label, lower, out _);
            return suffixes.IsRule(lower);
        }

        return PublicSuffixList.ToAscii(label.ToString()) is { } ascii && suffixes.IsRule(ascii);
    }

    /// <summary>
    /// The first white-space-separated word of <paramref name="text"/> at or after <paramref name="from"/> that contains <paramref name="marker"/>.
    /// </summary>
    /// <remarks>
    /// Bare hosts need a dot and mail addresses an @, and neither spans white space, which both patterns also accept as
    /// the delimiter before and after (so a word's edges behave as the text's start and end do). Matching only these words
    /// finds the same matches as matching the whole text, in order, without running the patterns over every other word:
    /// that was most of a message's planning time (benchmarks/README.md).
    /// </remarks>
    internal static bool NextWord(ReadOnlySpan<char> text, char marker, int from, out int start, out int length)
    {
        start = length = 0;
        var found = from >= text.Length ? -1 : text[from..].IndexOf(marker);
        if (found < 0)
        {
            return false;
        }

        found += from;
        start = found;
        while (start > from && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var end = found;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        length = end - start;
        return true;
    }
}

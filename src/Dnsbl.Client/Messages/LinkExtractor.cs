using System.Buffers;
using System.Net;
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
    /// <summary>
    /// The distinct link targets of the two bodies, most relevant first; redirector targets per
    /// <paramref name="redirectors"/> (built-in rule only when null). What could not be read fully is added to
    /// <paramref name="problems"/> when given. The visible text of the HTML is read from <paramref name="htmlTextBody"/>
    /// when given (the body cut at the scan size, <see cref="BodyScanLimit"/>), its link attributes always from <paramref name="htmlBody"/>.
    /// </summary>
    public static List<ExtractedLink> Extract(
        string? textBody, string? htmlBody, PublicSuffixList suffixes, RedirectorPatternSet? redirectors = null, List<MessageProblem>? problems = null, string? htmlTextBody = null)
    {
        ArgumentNullException.ThrowIfNull(suffixes);
        var collector = new LinkCollector(redirectors);
        try
        {
            Collect(textBody, htmlBody, htmlTextBody ?? htmlBody, suffixes, collector);
        }
        catch (RegexMatchTimeoutException)
        {
            // The obfuscated-dot regex under a process-wide default timeout (REGEX_DEFAULT_MATCH_TIMEOUT): the links found so
            // far are still useful, and a check must never fail on content; the rest is reported as not read.
            collector.Problems.Add(MessageProblem.Create(
                MessageProblemKind.PatternTimedOut, $"the link scan ran out of time after {collector.Links.Count} link(s); later links are not asked"));
        }

        problems?.AddRange(collector.Problems);
        return collector.TakeLinks();
    }

    private static void Collect(string? textBody, string? htmlBody, string? htmlTextBody, PublicSuffixList suffixes, LinkCollector collector)
    {
        // The scans work on pooled copies of the texts: URLs, then mail addresses, are blanked out as they are found.
        var html = RentVisibleTextAddingAttributes(htmlBody, htmlTextBody, collector, out var htmlLength);
        var text = Array.Empty<char>();
        try
        {
            text = RentDeobfuscated(textBody, out var textLength);
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

    private static void ReturnRented<T>(T[] items)
    {
        if (items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(items);
        }
    }

    // The HTML's link attributes (href, src, action, background) go to the collector first, in document order; the
    // visible text is what is left when tags become spaces (so that words on both sides of a tag do not join), with
    // entities decoded and obfuscations undone (as strings, for the few texts that have any). One walk finds both.
    // A body cut at the scan size (htmlTextBody, never longer) gives the visible text in a second pass; that is rare.
    private static char[] RentVisibleTextAddingAttributes(string? htmlBody, string? htmlTextBody, LinkCollector collector, out int length)
    {
        if (string.IsNullOrEmpty(htmlBody))
        {
            length = 0;
            return [];
        }

        var chars = ArrayPool<char>.Shared.Rent(htmlBody.Length);
        var attributes = ArrayPool<int>.Shared.Rent(HtmlTags.MaxAttributeInts(htmlBody.Length));
        try
        {
            length = HtmlTags.ReplaceWithSpaces(htmlBody, chars, attributes, out var count);
            collector.AddMarkupUrls(htmlBody, attributes.AsSpan(0, count * HtmlTags.IntsPerAttribute));
            if (!ReferenceEquals(htmlTextBody, htmlBody))
            {
                length = string.IsNullOrEmpty(htmlTextBody) ? 0 : HtmlTags.ReplaceWithSpaces(htmlTextBody, chars);
            }
        }
        catch
        {
            ArrayPool<char>.Shared.Return(chars);
            throw;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(attributes);
        }

        var visible = chars.AsSpan(0, length);
        if (!NeedsDecodingOrDeobfuscation(visible))
        {
            return chars;
        }

        var decoded = WebUtility.HtmlDecode(visible.ToString());
        ArrayPool<char>.Shared.Return(chars);
        return RentDeobfuscated(decoded, out length);
    }

    private static char[] RentDeobfuscated(string? body, out int length)
    {
        if (string.IsNullOrEmpty(body))
        {
            length = 0;
            return [];
        }

        // Deobfuscation never lengthens a text; most need none and are copied as they are.
        var chars = ArrayPool<char>.Shared.Rent(body.Length);
        var text = NeedsDeobfuscation(body) ? Deobfuscate(body) : body;
        text.CopyTo(chars);
        length = text.Length;
        return chars;
    }
}

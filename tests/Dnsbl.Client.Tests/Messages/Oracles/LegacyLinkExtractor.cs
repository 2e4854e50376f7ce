using System.Net;
using System.Text.RegularExpressions;

using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages.Oracles;

/// <summary>The link extraction as it was before its regexes were replaced (the oracle of <c>LinkExtractionOracleTests</c>).</summary>
internal static partial class LegacyLinkExtractor
{
    /// <summary>The distinct link targets of the two bodies, most relevant first.</summary>
    public static List<ExtractedLink> Extract(string? textBody, string? htmlBody, PublicSuffixList suffixes)
    {
        ArgumentNullException.ThrowIfNull(suffixes);
        var collector = new LegacyLinkCollector();
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

    private static void Collect(string? textBody, string? htmlBody, PublicSuffixList suffixes, LegacyLinkCollector collector)
    {
        string? htmlText = null;
        if (!string.IsNullOrEmpty(htmlBody))
        {
            foreach (var (priority, start, length) in HtmlLinkAttributes.Find(htmlBody))
            {
                var value = WebUtility.HtmlDecode(htmlBody.Substring(start, length)).Trim();
                collector.AddUrl(value, inMarkup: true, requireScheme: false, priority);
            }

            // Visible text: tags become spaces so that words on both sides of a tag do not join.
            htmlText = WebUtility.HtmlDecode(HtmlTags.ReplaceWithSpaces(htmlBody));
        }

        var texts = new List<char[]>(2);
        foreach (var body in (ReadOnlySpan<string?>)[textBody, htmlText])
        {
            if (!string.IsNullOrEmpty(body))
            {
                texts.Add(ScanUrls(LinkExtractor.Deobfuscate(body), collector));
            }
        }

        foreach (var remaining in texts)
        {
            ScanBareHosts(remaining, collector, suffixes);
        }
    }

    // Finds URLs with a scheme (or "www."), records them, and blanks them out so bare-host scanning does not see
    // file names in their paths.
    private static char[] ScanUrls(string text, LegacyLinkCollector collector)
    {
        var chars = text.ToCharArray();
        for (var from = 0; UrlScanner.TryFind(chars, from, out var start, out var length); from = start + length)
        {
            collector.AddUrl(text.Substring(start, length), inMarkup: false, requireScheme: false);
            chars.AsSpan(start, length).Fill(' ');
        }

        return chars;
    }

    // chars: the text with its URLs blanked out; the scan blanks its mail addresses too.
    private static void ScanBareHosts(char[] chars, LegacyLinkCollector collector, PublicSuffixList suffixes)
    {
        // Bare e-mail addresses first (their domains are mail links, skipped by default as SpamAssassin does), blanked out
        // so that the host scan does not take their domains as web links.
        List<(int Start, int Length)>? addresses = null;
        foreach (var (start, length) in Tokens(chars, '@'))
        {
            foreach (var match in MailAddressPattern().EnumerateMatches(chars.AsSpan(start, length)))
            {
                var address = new string(chars, start + match.Index, match.Length);
                collector.AddHost(address[(address.LastIndexOf('@') + 1)..], address, inMarkup: false, LinkPriority.Text, isMailAddress: true);
                (addresses ??= []).Add((start + match.Index, match.Length));
            }
        }

        foreach (var (start, length) in addresses ?? [])
        {
            chars.AsSpan(start, length).Fill(' ');
        }

        foreach (var (start, length) in Tokens(chars, '.'))
        {
            foreach (var match in BareHostPattern().EnumerateMatches(chars.AsSpan(start, length)))
            {
                if (collector.IsFull)
                {
                    return;
                }

                var host = new string(chars, start + match.Index, match.Length);
                var topLevel = PublicSuffixList.ToAscii(host[(host.LastIndexOf('.') + 1)..]);
                // A top-level label of any rule counts (za from org.za), as the scanner has it and SpamAssassin's TLD
                // list does: the real corpus's fail6.org.org.za (024) is asked by both; the old IsRule(za) was false.
                if (topLevel is not null && suffixes.IsTopLevelDomain(topLevel))
                {
                    collector.AddHost(host, host, inMarkup: false);
                }
            }
        }
    }

    /// <summary>
    /// The white-space-separated words of <paramref name="text"/> that contain <paramref name="marker"/>, as (start, length).
    /// </summary>
    /// <remarks>
    /// Bare hosts need a dot and mail addresses an @, and neither spans white space, which both patterns also accept as
    /// the delimiter before and after (so a word's edges behave as the text's start and end do). Matching only these words
    /// finds the same matches as matching the whole text, in order, without running the patterns over every other word:
    /// that was most of a message's planning time (benchmarks/README.md).
    /// </remarks>
    internal static IEnumerable<(int Start, int Length)> Tokens(char[] text, char marker)
    {
        var position = 0;
        while (position < text.Length)
        {
            var found = Array.IndexOf(text, marker, position);
            if (found < 0)
            {
                yield break;
            }

            var start = found;
            while (start > position && !char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }

            var end = found;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            yield return (start, end - start);
            position = end;
        }
    }

    // A schemeless host starts at the text's start or after punctuation or space (so "訪問example.com" is not a host)
    // and ends before space, markup or a port, path or final dot (SpamAssassin's schemeless-URI delimiters).
    [GeneratedRegex(@"(?<=^|[!""#$&'()*+,/:;<=>?@\[\\\]^`{|}~\s\x1b\xa0])(?:[\p{L}\p{N}](?:[\p{L}\p{N}_\-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9\-]{1,59})(?=$|[\s<>""`}\]{\[|\x1b\xa0:/.,;!?)'])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex BareHostPattern();

    // The address rule as MailAddressScanner now means it (session 9: an address may start after '@', and a domain followed
    // by '@' and another domain gives way to it, as SpamAssassin reads "@alice@mastodon.social").
    [GeneratedRegex(@"(?<![^\s<>""'`,(\[{|:;@])[^\s<>""'`,(\[{|@:;]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-.]{0,250}[\p{L}\p{N}])?@)*(?<domain>[\p{L}\p{N}](?:[\p{L}\p{N}\-.]{0,250}[\p{L}\p{N}])?)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex MailAddressPattern();
}

using System.Buffers;

namespace Dnsbl.Client.Messages;

/// <summary>Turns raw links into distinct normalised hosts, keeping first-occurrence order.</summary>
/// <remarks>
/// Links are read as spans of the text they were found in; a link's strings (host, origin) are made only when its host
/// is new, so the hundreds of links of a newsletter that repeat a few hosts cost no allocation each.
/// </remarks>
internal sealed partial class LinkCollector
{
    private static readonly SearchValues<char> AuthorityEnd = SearchValues.Create("/?#\\ \t\r\n");
    private static readonly SearchValues<char> SchemeCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
    // Punctuation that ends a sentence or markup around a host, never part of it.
    private const string TrailingPunctuation = ".,;:!?)'\"*>]";

    // The same as a set, for a test of one char (a string search per char cost the plain-link shortcut 13 % of the 20 KB
    // sample's time, measured).
    private static readonly SearchValues<char> TrailingPunctuationChars = SearchValues.Create(TrailingPunctuation);
    // Printable ASCII but for '%', '\\' and '@' (no white space): a link of only these is "plain" (AddLink).
    private static readonly SearchValues<char> PlainLinkCharacters =
        SearchValues.Create("!\"#$&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");
    private static readonly SearchValues<char> NumericHostCharacters = SearchValues.Create("0123456789abcdefABCDEFxX.");

    private const int CheckedNameFlag = 1;

    private readonly RedirectorPatternSet? redirectors;
    private readonly bool generalPathOnly;
    private List<ExtractedLink> links;
    // One entry per host and kind (a mail domain and a link host are counted apart), looked up by span: the link's index,
    // shifted left by one, with CheckedNameFlag set for a checked name (LinkCollector.Hosts).
    // Kept as their span lookups (GetAlternateLookup checks the comparer's type on every call); .Dictionary adds strings.
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> seenHosts;
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> seenMailDomains;

    /// <summary>A collector for one message, in the emptied tables of the last one this thread finished (LinkCollector.Scratch).</summary>
    /// <param name="redirectors">The configured redirector patterns tried before the built-in rule (<see cref="MessageOptions.RedirectorPatterns"/>).</param>
    /// <param name="generalPathOnly">
    /// Whether every link takes the general path, never the shortcut for plain http(s) links (<c>TryAddPlainHttpLink</c>):
    /// for tests that compare the two.
    /// </param>
    public LinkCollector(RedirectorPatternSet? redirectors = null, bool generalPathOnly = false)
    {
        this.redirectors = redirectors;
        this.generalPathOnly = generalPathOnly;
        scratch = TakeScratch();
        links = scratch.Links;
        seenHosts = scratch.SeenHosts.GetAlternateLookup<ReadOnlySpan<char>>();
        seenMailDomains = scratch.SeenMailDomains.GetAlternateLookup<ReadOnlySpan<char>>();
        keptHostSlots = scratch.KeptHostSlots;
    }

    /// <summary>The distinct links so far, in the order first seen.</summary>
    public List<ExtractedLink> Links => links;

    /// <summary>What could not be read fully while collecting (a redirector pattern that ran out of time), in the order met.</summary>
    public List<MessageProblem> Problems { get; } = [];

    /// <summary>Whether the scan limit is reached (further links are ignored).</summary>
    private bool IsFull => links.Count >= MessageConstants.MaxLinksScanned;

    /// <summary>
    /// Adds the host of <paramref name="url"/>: absolute (<c>scheme://</c>), protocol-relative (<c>//host</c>),
    /// <c>www.</c>-prefixed or <c>mailto:</c>; relative links and other schemes (cid:, data:, javascript:) are ignored.
    /// </summary>
    public void AddUrl(string url, bool inMarkup, bool requireScheme, int priority = LinkPriority.Text) =>
        AddUrl(url, url, inMarkup, requireScheme, priority, MessageConstants.MaxRedirectDepth);

    /// <summary>As <see cref="AddUrl(string, bool, bool, int)"/>, for a link read in place.</summary>
    public void AddUrl(ReadOnlySpan<char> url, bool inMarkup, bool requireScheme, int priority = LinkPriority.Text) =>
        AddUrl(url, null, inMarkup, requireScheme, priority, MessageConstants.MaxRedirectDepth);

    // urlText: url as a string when the caller has one (so it is not copied again).
    private void AddUrl(ReadOnlySpan<char> url, string? urlText, bool inMarkup, bool requireScheme, int priority, int redirectsLeft)
    {
        var trimmed = url.Trim();
        var trimmedText = urlText is not null && trimmed.Length == urlText.Length ? urlText : null;
        if (!generalPathOnly && TryAddPlainHttpLink(trimmed, trimmedText, inMarkup, priority, redirectsLeft))
        {
            return;
        }

        AddUrlNotPlain(trimmed, trimmedText, inMarkup, requireScheme, priority, redirectsLeft);
    }

    // AddUrl past the plain-link shortcut, for a trimmed url the shortcut declined (or, on the general path only, was not
    // offered): deobfuscated when it needs it, then read the general way.
    private void AddUrlNotPlain(ReadOnlySpan<char> trimmed, string? trimmedText, bool inMarkup, bool requireScheme, int priority, int redirectsLeft)
    {
        if (LinkExtractor.NeedsDeobfuscation(trimmed))
        {
            var deobfuscated = LinkExtractor.Deobfuscate(trimmed.ToString());
            AddLink(deobfuscated, deobfuscated, inMarkup, requireScheme, priority, redirectsLeft);
            return;
        }

        AddLink(trimmed, trimmedText, inMarkup, requireScheme, priority, redirectsLeft);
    }

    // link: deobfuscated and trimmed; linkText: the same as a string, when there is one.
    private void AddLink(ReadOnlySpan<char> link, string? linkText, bool inMarkup, bool requireScheme, int priority, int redirectsLeft)
    {
        var authorityStart = AuthorityStart(link, requireScheme);
        if (authorityStart < 0)
        {
            if (link.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                AddMailto(linkText ?? link.ToString(), inMarkup, priority);
            }

            return;
        }

        // Nearly every link is plain: one pass tells that none of the searches for '@', '%', '\' or non-ASCII below can find one.
        var plain = link.IndexOfAnyExcept(PlainLinkCharacters) < 0;
        var authority = AuthorityOf(link, authorityStart);
        var at = plain ? -1 : authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..]; // "user:password@host": only the host is a link target
        }

        var host = !plain && authority.Contains('%') ? HostOfAuthority(Uri.UnescapeDataString(authority.ToString())) : HostOfAuthority(authority);
        var origin = new LazyText(link, linkText);
        AddHost(host, ref origin, inMarkup, priority, isMailAddress: false);

        var patterns = redirectors ?? RedirectorPatternSet.Empty;
        var patternMayMatch = patterns.HasPatterns && !patterns.CannotMatch(link, authorityStart, plain);
        if (!(patternMayMatch || MayRedirect(link, authorityStart, plain)))
        {
            return;
        }

        FollowRedirect(link, ref origin, authorityStart, inMarkup, priority, redirectsLeft);
    }

    // The redirect target of a link that may hold one (a configured pattern may match it, or the built-in rule may find one),
    // added as a link of the message in the same group.
    private void FollowRedirect(ReadOnlySpan<char> link, ref LazyText origin, int authorityStart, bool inMarkup, int priority, int redirectsLeft)
    {
        var target = RedirectTarget.Of(origin.Value, authorityStart, redirectors ?? RedirectorPatternSet.Empty, out var timedOut);
        if (timedOut > 0)
        {
            Problems.Add(MessageProblem.Create(
                MessageProblemKind.PatternTimedOut,
                $"{timedOut} redirector pattern(s) ran out of time on a link to {AuthorityOf(link, authorityStart)}; a target they name is not asked"));
        }

        if (target is null)
        {
            return;
        }

        if (redirectsLeft <= 0)
        {
            Problems.Add(MessageProblem.Create(
                MessageProblemKind.RedirectTooDeep,
                $"redirectors nested more than {MessageConstants.MaxRedirectDepth} deep end at a link to {AuthorityOf(link, authorityStart)}; its target is not asked"));
            return;
        }

        // The redirector's target is a link of the message too, in the same group (SpamAssassin's uri_list_canonicalize).
        AddUrl(target, target, inMarkup, requireScheme: true, priority, redirectsLeft - 1);
    }

    private void AddMailto(string link, bool inMarkup, int priority)
    {
        var query = link.IndexOf('?', StringComparison.Ordinal);
        var address = query < 0 ? link[7..] : link[7..query];
        if (AddressHeaderParser.DomainOf(Uri.UnescapeDataString(address)) is { } domain && address.Contains('@', StringComparison.Ordinal))
        {
            AddHost(domain, link, inMarkup, priority, isMailAddress: true);
        }
    }
}

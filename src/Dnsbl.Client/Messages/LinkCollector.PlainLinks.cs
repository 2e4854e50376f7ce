using System.Buffers;
using System.Runtime.CompilerServices;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Messages;

// The shortcut for the link most links are: "http://" or "https://" as written, then printable ASCII with none of the
// characters that an obfuscation, a %-escape, user info, a port, an IPv6 literal or an embedded URL needs. One vectorised
// pass over the link tells the answers that the general path (AddUrl, AddLink, AddHost) finds with a dozen searches:
// - nothing to deobfuscate (LinkExtractor.NeedsDeobfuscation): every obfuscated dot holds '[', '(' or '{', and a scheme
//   to restore is an 'h' word followed by "://" or "[:]//", which only the link's own scheme has, already as restored;
// - the authority ends at the first '/', '?' or '#' and is the host itself (no '@', no ':');
// - the built-in redirector rule finds no target: it needs "http:" or "https:" after the host, so a ':';
// - the link is its own canonical form for the configured patterns (RedirectorLink.Canonical) when its host is followed
//   by '/' or nothing, which RedirectorPatternSet.CannotMatchPlainHttp is told.
// A host that might be an IP literal or needs trimming goes the general way, before anything is added.
internal sealed partial class LinkCollector
{
    // Printable ASCII but for '%', '\\', '@', ':', '[', '(', '{' and '*' (and white space).
    private static readonly SearchValues<char> PlainHttpRestCharacters =
        SearchValues.Create("!\"#$&')+,-./0123456789;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ]^_`abcdefghijklmnopqrstuvwxyz|}~");

    // link: trimmed; linkText: the same as a string, when there is one. False (and nothing done) when link is not such a link.
    // Never inlined: with tiered PGO, some processes inlined it into AddUrl, and that AddUrl (called per text link, with the
    // general path's locals to set up on every call) took a larger share of the time than this method called on its own
    // (perf of three processes: 10.7 % against 8.2 and 9.2 %), as forcing it into AddUrl measured slower in session 12.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryAddPlainHttpLink(ReadOnlySpan<char> link, string? linkText, bool inMarkup, int priority, int redirectsLeft) =>
        TryAddPlainHttpLink(link, linkText, inMarkup, priority, redirectsLeft, markupValue: false);

    // As above; markupValue: link is an HTML attribute value, which is not taken when it holds a '&' (an entity to decode,
    // PlainMarkupRestCharacters). Inlined into its two callers, the method above (text links, redirect targets) and the
    // markup batch, so that both run it whole whatever tiered PGO decides (a slow process was one where it was not inlined
    // into the HTML walk).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryAddPlainHttpLink(
        ReadOnlySpan<char> link, string? linkText, bool inMarkup, int priority, int redirectsLeft, bool markupValue)
    {
        var authorityStart = link.StartsWith("http://") ? 7 : link.StartsWith("https://") ? 8 : 0;
        if (authorityStart == 0)
        {
            return false;
        }

        var rest = link[authorityStart..];
        var hostLength = PlainRestHostLength(rest, markupValue);
        if (hostLength < 0)
        {
            return false;
        }

        var host = rest[..hostLength];
        var slot = FindKeptHost(host, out var hash); // a kept host: AddHost would find it kept and raise its link, whatever IsPlainName says
        if (slot < 0 && !IsPlainName(host))
        {
            return false;
        }

        var origin = new LazyText(link, linkText);

        // As AddHost, which would be given host as it is.
        if (!RefusesMore())
        {
            if (slot >= 0)
            {
                Raise(KeptHostIndex(slot), inMarkup, priority);
            }
            else
            {
                slot = KeepHost(host, AddName(host, ref origin, inMarkup, priority, isMailAddress: false), hash);
            }
        }

        // As AddLink: the redirect is looked for even when the host was refused.
        var hostEnd = authorityStart + host.Length;
        if (redirectors is { HasPatterns: true } patterns && !patterns.CannotMatchPlainHttp(link, hostEnd, KeysAtHost(patterns, link[..hostEnd], slot)))
        {
            FollowRedirect(link, ref origin, authorityStart, inMarkup, priority, redirectsLeft);
        }

        return true;
    }

    // What schemeAndHost holds of the redirector keys, kept in the host's slot per scheme: the answer depends only on the
    // text ignoring case.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private RedirectorPatternSet.KeysAtHost KeysAtHost(RedirectorPatternSet patterns, ReadOnlySpan<char> schemeAndHost, int slot)
    {
        if (slot < 0)
        {
            return RedirectorPatternSet.KeysAtHost.Unknown;
        }

        var shift = schemeAndHost.Length > 4 && schemeAndHost[4] == 's' ? KeptHostHttpsKeysShift : KeptHostHttpKeysShift;
        ref var kept = ref keptHostSlots[slot];
        var known = (RedirectorPatternSet.KeysAtHost)((kept.Value >> shift) & 0xF);
        if (known == RedirectorPatternSet.KeysAtHost.Unknown)
        {
            known = patterns.KeysBefore(schemeAndHost);
            kept = kept with { Value = kept.Value | (int)known << shift };
        }

        return known;
    }

    // Whether AddHost would take host (printable ASCII with no white space or ':') as it is to AddName: not empty, not too
    // long for a name, nothing to trim at its end, and not possibly an IP literal (TryParseIpLiteral's first test).
    private static bool IsPlainName(ReadOnlySpan<char> host) =>
        !host.IsEmpty && host.Length <= DomainName.MaxLength && !TrailingPunctuationChars.Contains(host[^1]) && !LastLabelStartsWithDigit(host);
}

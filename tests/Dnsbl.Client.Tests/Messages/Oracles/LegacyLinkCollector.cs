using System.Buffers;
using System.Net.Sockets;
using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Net;

using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages.Oracles;

/// <summary>The link collector as it was before links were read as spans (the oracle of <c>LinkExtractionOracleTests</c>).</summary>
internal sealed class LegacyLinkCollector
{
    private static readonly SearchValues<char> AuthorityEnd = SearchValues.Create("/?#\\ \t\r\n");
    private static readonly SearchValues<char> SchemeCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
    // Punctuation that ends a sentence or markup around a host, never part of it; one array, not one per call.
    private static readonly char[] TrailingPunctuation = ['.', ',', ';', ':', '!', '?', ')', '\'', '"', '*', '>', ']'];
    private static readonly SearchValues<char> NumericHostCharacters = SearchValues.Create("0123456789abcdefABCDEFxX.");

    private readonly List<ExtractedLink> links = [];
    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);

    /// <summary>The distinct links so far, in the order first seen.</summary>
    public List<ExtractedLink> Links => links;

    /// <summary>Whether the scan limit is reached (further links are ignored).</summary>
    public bool IsFull => links.Count >= Dnsbl.Client.Messages.MessageConstants.MaxLinksScanned;

    /// <summary>
    /// Adds the host of <paramref name="url"/>: absolute (<c>scheme://</c>), protocol-relative (<c>//host</c>),
    /// <c>www.</c>-prefixed or <c>mailto:</c>; relative links and other schemes (cid:, data:, javascript:) are ignored.
    /// </summary>
    public void AddUrl(string url, bool inMarkup, bool requireScheme, int priority = LinkPriority.Text) =>
        AddUrl(url, inMarkup, requireScheme, priority, Dnsbl.Client.Messages.MessageConstants.MaxRedirectDepth);

    private void AddUrl(string url, bool inMarkup, bool requireScheme, int priority, int redirectsLeft)
    {
        var link = LinkExtractor.Deobfuscate(url.Trim());
        var authorityStart = AuthorityStart(link, requireScheme);
        if (authorityStart < 0)
        {
            if (link.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                var query = link.IndexOf('?', StringComparison.Ordinal);
                var address = query < 0 ? link[7..] : link[7..query];
                if (AddressHeaderParser.DomainOf(Uri.UnescapeDataString(address)) is { } domain && address.Contains('@', StringComparison.Ordinal))
                {
                    AddHost(domain, link, inMarkup, priority, isMailAddress: true);
                }
            }

            return;
        }

        var rest = link.AsSpan(authorityStart);
        var end = rest.IndexOfAny(AuthorityEnd);
        var authority = (end < 0 ? rest : rest[..end]).ToString();
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..]; // "user:password@host": only the host is a link target
        }

        AddHost(HostOfAuthority(Uri.UnescapeDataString(authority)), link, inMarkup, priority);
        if (redirectsLeft > 0 && RedirectTarget.Of(link, authorityStart) is { } target)
        {
            // The redirector's target is a link of the message too, in the same group (SpamAssassin's uri_list_canonicalize).
            AddUrl(target, inMarkup, requireScheme: true, priority, redirectsLeft - 1);
        }
    }

    /// <summary>Adds a host name or IP literal found in a link; invalid names are ignored.</summary>
    public void AddHost(string host, string origin, bool inMarkup, int priority = LinkPriority.Text, bool isMailAddress = false)
    {
        if (IsFull)
        {
            return;
        }

        host = host.Trim().TrimEnd(TrailingPunctuation);
        if (TryParseIpLiteral(host, out var address))
        {
            Add(new ExtractedLink(address.ToString(), address, origin, inMarkup, priority, isMailAddress));
            return;
        }

        // A single-label name (intranet host, "localhost") is not a name public lists can hold.
        if (DomainName.TryNormalize(host.Trim(), out var normalized, out _) && normalized.Contains('.', StringComparison.Ordinal)
            && HostUnderscoreRule.Allows(normalized))
        {
            Add(new ExtractedLink(normalized, null, origin, inMarkup, priority, isMailAddress));
        }
    }

    // One entry per host (and per kind: a mail domain and a link host are counted apart); a host seen again in a better
    // group moves up to it, as SpamAssassin files a host under the best group any of its links has.
    private void Add(ExtractedLink link)
    {
        var key = link.IsMailAddress ? "@" + link.Host : link.Host;
        if (!seen.TryGetValue(key, out var index))
        {
            seen.Add(key, links.Count);
            links.Add(link);
        }
        else if (link.Priority < links[index].Priority)
        {
            links[index] = links[index] with { Priority = link.Priority, InMarkup = link.InMarkup };
        }
    }

    private static int AuthorityStart(string link, bool requireScheme)
    {
        var separator = link.IndexOf("://", StringComparison.Ordinal);
        if (separator > 0 && link.AsSpan(0, separator).IndexOfAnyExcept(SchemeCharacters) < 0)
        {
            return separator + 3;
        }

        if (requireScheme)
        {
            return -1;
        }

        if (link.StartsWith("//", StringComparison.Ordinal))
        {
            return 2;
        }

        return link.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? 0 : -1;
    }

    private static string HostOfAuthority(string authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? authority[1..] : authority[1..close];
        }

        var colon = authority.LastIndexOf(':');
        return colon >= 0 && authority.AsSpan(colon + 1).IndexOfAnyExceptInRange('0', '9') < 0 ? authority[..colon] : authority;
    }

    // Browsers read "1.2.3.4", "3232235777", "0xc0.0xa8.1.1" and "[2001:db8::1]" as addresses; so do we.
    private static bool TryParseIpLiteral(string host, out IPAddress address)
    {
        address = IPAddress.None;
        if (host.Contains(':', StringComparison.Ordinal))
        {
            if (IPAddress.TryParse(host, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6)
            {
                address = AddressClassifier.Canonical(v6);
                return true;
            }

            return false;
        }

        var lastLabel = host[(host.LastIndexOf('.') + 1)..];
        var numericLast = lastLabel.Length > 0 &&
            (lastLabel.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 || lastLabel.StartsWith("0x", StringComparison.OrdinalIgnoreCase));
        if (numericLast && host.AsSpan().IndexOfAnyExcept(NumericHostCharacters) < 0 &&
            IPAddress.TryParse(host, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork)
        {
            address = v4;
            return true;
        }

        return false;
    }
}

namespace Dnsbl.Client.Messages;

// Reading a link's scheme and authority, and whether it may hold a redirect.
internal sealed partial class LinkCollector
{
    // The built-in rule of RedirectTarget finds a target only in an http(s) link whose path holds "http" (any case) or a
    // %-escape to decode (which may spell one); other links need no string for it. Configured patterns may match any link.
    // plain: the link holds no '%' (AddLink).
    private static bool MayRedirect(ReadOnlySpan<char> link, int authorityStart, bool plain)
    {
        if (!RedirectorLink.IsRedirectorCandidate(link, authorityStart))
        {
            return false;
        }

        var rest = link[authorityStart..];
        return (!plain && rest.Contains('%')) || rest.IndexOf("http", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    private static int AuthorityStart(ReadOnlySpan<char> link, bool requireScheme)
    {
        var separator = link.IndexOf("://", StringComparison.Ordinal);
        if (separator > 0 && link[..separator].IndexOfAnyExcept(SchemeCharacters) < 0)
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

    private static ReadOnlySpan<char> AuthorityOf(ReadOnlySpan<char> link, int authorityStart)
    {
        var rest = link[authorityStart..];
        var end = rest.IndexOfAny(AuthorityEnd);
        return end < 0 ? rest : rest[..end];
    }

    private static ReadOnlySpan<char> HostOfAuthority(ReadOnlySpan<char> authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            return close < 0 ? authority[1..] : authority[1..close];
        }

        var colon = authority.LastIndexOf(':');
        return colon >= 0 && TextScan.IsAsciiDigits(authority[(colon + 1)..]) ? authority[..colon] : authority;
    }
}

using System.Runtime.CompilerServices;

namespace Dnsbl.Client.Messages;

// The prefilter: whether a link holds none of the patterns' key texts, so no pattern needs to run on it.
internal sealed partial class RedirectorPatternSet
{
    /// <summary>
    /// Whether no pattern can match <paramref name="link"/> as it stands, told without building its canonical form
    /// (<see cref="RedirectorLink.Canonical"/>). An ASCII http(s) link with no '%', '\\' or '@' whose host is not followed
    /// by '?' or '#' is its own canonical form, so a pattern whose texts it lacks cannot match it. Any other link is left to
    /// <see cref="TargetOf"/>.
    /// </summary>
    public bool CannotMatch(ReadOnlySpan<char> link, int authorityStart) => CannotMatch(link, authorityStart, knownPlain: false);

    /// <summary>
    /// As <see cref="CannotMatch(ReadOnlySpan{char}, int)"/>; <paramref name="knownPlain"/>: the caller knows the link is
    /// ASCII with no '%', '\\' or '@', which then is not searched for again.
    /// </summary>
    public bool CannotMatch(ReadOnlySpan<char> link, int authorityStart, bool knownPlain)
    {
        if (authorityStart <= 2 || !RedirectorLink.IsHttp(link)
            || (!knownPlain && (link.IndexOfAny('%', '\\', '@') >= 0 || !System.Text.Ascii.IsValid(link))))
        {
            return false;
        }

        var afterHost = link[authorityStart..].IndexOfAny('/', '?', '#');
        return CannotMatchPlainHttp(link, afterHost < 0 ? link.Length : authorityStart + afterHost);
    }

    /// <summary>
    /// As <see cref="CannotMatch(ReadOnlySpan{char}, int, bool)"/> for a link the caller knows to be an ASCII http(s) link
    /// with no '%', '\' or '@' whose host ends at <paramref name="hostEnd"/> (the first '/', '?' or '#' after it, or the
    /// link's length).
    /// </summary>
    public bool CannotMatchPlainHttp(ReadOnlySpan<char> link, int hostEnd) => CannotMatchPlainHttp(link, hostEnd, KeysAtHost.Unknown);

    /// <summary>
    /// As <see cref="CannotMatchPlainHttp(ReadOnlySpan{char}, int)"/>, told what <see cref="KeysBefore"/> answered for the
    /// link's scheme and host (<c>link[..hostEnd]</c>, any case), so that only the rest of the link is searched.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the collector's plain-link shortcut, where most links end
    public bool CannotMatchPlainHttp(ReadOnlySpan<char> link, int hostEnd, KeysAtHost atHost)
    {
        if (hostEnd < link.Length && link[hostEnd] != '/')
        {
            return false; // the canonical form puts a '/' before it
        }

        if (anyPatternKey is not null && atHost != KeysAtHost.Inside
            && !HoldsKey(atHost == KeysAtHost.None ? link[hostEnd..] : link))
        {
            return true; // the common case, one pass: no pattern's key text is in the link
        }

        return LacksEveryPatternsTexts(link);
    }

    // Whether link lacks some required text of every pattern.
    private bool LacksEveryPatternsTexts(ReadOnlySpan<char> link)
    {
        for (var i = 0; i < patterns.Length; i++)
        {
            if (RequiredTexts.AllIn(link, required[i]))
            {
                return false; // this pattern may match
            }
        }

        return true;
    }
}

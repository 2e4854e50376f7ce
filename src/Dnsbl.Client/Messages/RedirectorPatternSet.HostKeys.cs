namespace Dnsbl.Client.Messages;

// CannotMatch's key search split at the end of a link's host: what the scheme and host hold of the keys is the same for
// every link to that host, so a caller that keeps the answer per host searches only the rest of each link.
internal sealed partial class RedirectorPatternSet
{
    /// <summary>What the scheme and host of a plain http(s) link (up to the '/' or the end after its host) hold of the pattern keys.</summary>
    internal enum KeysAtHost : byte
    {
        /// <summary>Not known: the whole link is searched.</summary>
        Unknown,

        /// <summary>No key starts there: a key in the link lies wholly after the host.</summary>
        None,

        /// <summary>A key lies wholly there: the link holds one.</summary>
        Inside,

        /// <summary>A key may start there and go on after the host: the whole link is searched.</summary>
        MayCross,
    }

    // Each key's text before each '/' in it (but one at its start): a key crosses the end of a host, which a '/' follows, only
    // where the host ends with one of these (the only char equal to '/' ignoring case is '/').
    private readonly string[] keyHeadsBeforeSlash = [];

    /// <summary>
    /// What <paramref name="schemeAndHost"/> (a plain http(s) link's ASCII text up to the end of its host) holds of the pattern
    /// keys, for <see cref="CannotMatchPlainHttp(ReadOnlySpan{char}, int, KeysAtHost)"/>; the answer depends only on that
    /// text ignoring ASCII case. <see cref="KeysAtHost.Unknown"/> when some pattern has no key (every link is tried on it).
    /// </summary>
    public KeysAtHost KeysBefore(ReadOnlySpan<char> schemeAndHost)
    {
        if (anyPatternKey is null)
        {
            return KeysAtHost.Unknown;
        }

        if (schemeAndHost.IndexOfAny(anyPatternKey) >= 0)
        {
            return KeysAtHost.Inside;
        }

        var end = schemeAndHost.IsEmpty ? '\0' : schemeAndHost[^1];
        foreach (var head in keyHeadsBeforeSlash)
        {
            // A head ending in an ASCII char other than the text's last, ignoring case, is passed over without a compare
            // (the text is ASCII; a non-ASCII char of a configured pattern's key is left to the compare).
            var last = head[^1];
            if (char.IsAscii(last) && (char.IsAsciiLetter(last) ? (end | 0x20) != (last | 0x20) : end != last))
            {
                continue;
            }

            if (schemeAndHost.EndsWith(head, StringComparison.OrdinalIgnoreCase))
            {
                return KeysAtHost.MayCross;
            }
        }

        return KeysAtHost.None;
    }

    private static string[] HeadsBeforeSlash(string[] keys) =>
        [.. keys.SelectMany(key => Enumerable.Range(1, Math.Max(key.Length - 1, 0)).Where(i => key[i] == '/').Select(i => key[..i]))
            .Distinct(StringComparer.OrdinalIgnoreCase)];
}

using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

// The last resorts before a header is called unreadable, and the address patterns they and the rules share.
internal static partial class ReceivedHeaderParser
{
    /// <summary>How the relay chain's synthetic line for an originating-IP header starts: this prefix, then the address.</summary>
    internal const string OriginatingIpPrefix = "from X-Originating-IP: ";

    /// <summary>
    /// The synthetic "from X-Originating-IP: ip" line the relay chain builds, read directly. For a from clause of one
    /// word without parentheses or brackets, every rule before <see cref="OriginatingIp"/> in the tables fails (each needs
    /// a "(", a "[", a second word or a "by"), and so do the HELO, "by" and auth readers; so when that rule matches, the
    /// full cascade would return just this relay.
    /// </summary>
    private static bool ReadOriginatingIpLine(string text, string header, out ReceivedRelay? relay)
    {
        relay = null;
        if (!text.StartsWith(OriginatingIpPrefix, StringComparison.Ordinal) || text.AsSpan(OriginatingIpPrefix.Length).ContainsAny(" ([") ||
            !OriginatingIp().IsMatch(text.AsSpan(5)))
        {
            return false;
        }

        var address = TryParseAddress(text[OriginatingIpPrefix.Length..], out var parsed) ? parsed : null;
        relay = new ReceivedRelay(address, null, null, "", null, header);
        return true;
    }

    // What FromByWithoutDetail needs first ("from WORD by ", any case; 'b' and 'y' have no other case forms): a cheap test
    // that spares most headers the pattern.
    private static bool SecondWordIsBy(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith("from ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var space = text[5..].IndexOf(' ');
        return space > 0 && text[(space + 6)..].StartsWith("by ", StringComparison.OrdinalIgnoreCase);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex(@"^\[[\d.]+\]$")]
    private static partial Regex BracketedIPv4();

    [GeneratedRegex(@"\[(" + Ip + @")\]")]
    private static partial Regex AnyBracketedIp();

    /// <summary>The rules' address pattern between brackets, whole: the oracle for <see cref="IsRuleIp"/> in the tests.</summary>
    [GeneratedRegex(@"^\[" + Ip + @"\]$")]
    internal static partial Regex BracketedRuleIp();

    /// <summary>What the rules found so far; later rules overwrite, as in SpamAssassin's parser.</summary>
    private sealed class RelayFields
    {
        public string? Ip { get; set; }

        public string? Helo { get; set; }

        public string? Rdns { get; set; }

        public string By { get; set; } = "";

        public string? Auth { get; set; }
    }
}

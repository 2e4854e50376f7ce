using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

// Authenticated submissions, recognised by the markers the receiving MTA writes (the markers SpamAssassin trusts).
internal static partial class ReceivedHeaderParser
{
    /// <summary>The authentication the header records, or null; <paramref name="text"/> is the normalised header.</summary>
    /// <remarks>Each case-sensitive pattern runs only when a fixed piece of it is in the header (a cheap search).</remarks>
    private static string? FindAuth(string text)
    {
        Match match;
        if (text.Contains(" by ", StringComparison.Ordinal) && (match = AuthProtocol().Match(text)).Success)
        {
            return match.Groups[1].Value; // RFC 3848 ESMTPA/ESMTPSA/LMTPA/LMTPSA, RFC 6531 UTF8SMTPA, ASMTP, webmail HTTP
        }

        if (!text.AsSpan().ContainsAny(AuthMarkers))
        {
            return ViaHttpAuth(text);
        }

        if (text.Contains(" by mx.google.com with ESMTPS id ", StringComparison.Ordinal) && GmailSubmission().IsMatch(text) && GmailCipher().IsMatch(text))
        {
            return "GMail"; // Gmail's submission hop says ESMTPS, not ESMTPSA; its id form gives it away
        }

        if (text.Contains(" (AUTH: ", StringComparison.Ordinal) && (match = CourierAuth().Match(text)).Success)
        {
            return match.Groups[1].Value; // Courier: "(AUTH: LOGIN user)"
        }

        if (text.Contains("authenticated", StringComparison.Ordinal) && SendmailAuthenticated().IsMatch(text))
        {
            return "Sendmail"; // Sendmail "(authenticated bits=0)", MDaemon "(authenticated)"
        }

        if (text.Contains("by mail.gmx.", StringComparison.Ordinal) && (match = GmxSubmission().Match(text)).Success)
        {
            return "GMX";
        }

        if (text.Contains(" (authenticated as ", StringComparison.Ordinal) && CriticalPathAuth().IsMatch(text))
        {
            return "CriticalPath";
        }

        if (text.Contains(") (Authenticated sender: ", StringComparison.Ordinal) && (match = PostfixAuthenticatedSender().Match(text)).Success)
        {
            return match.Groups[1].Value; // Postfix smtpd_sasl_authenticated_header: "(Authenticated sender: user)"
        }

        if (text.Contains(" (account ", StringComparison.Ordinal) && CommunigateProtocol().IsMatch(text))
        {
            return "Communigate";
        }

        if (text.Contains(" with Microsoft Exchange Server HTTP-DAV", StringComparison.Ordinal) && ExchangeHttpDav().IsMatch(text))
        {
            return "HTTP-DAV";
        }

        return ViaHttpAuth(text);
    }

    /// <summary>
    /// <see cref="FindAuth(string)"/> on the parser's buffer (<paramref name="text"/>, the same text): the usual header has
    /// no marker, maybe an RFC 3848 protocol or a "(via HTTP)", whose group 1 is read from the match's range; with a marker
    /// the text is made a string (the header itself when equal) and the checks run in their order.
    /// </summary>
    private static string? FindAuth(ReadOnlySpan<char> text, string header)
    {
        var by = text.Contains(" by ", StringComparison.Ordinal);
        if (by)
        {
            foreach (var match in AuthProtocol().EnumerateMatches(text))
            {
                // " with " (six chars in any case), the protocol (letters and digits), then ' ', ';' or the end.
                return WithoutDelimiter(text.Slice(match.Index + 6, match.Length - 6)).ToString();
            }
        }

        if (text.ContainsAny(AuthMarkers))
        {
            return FindAuth(TextOf(text, header));
        }

        if (by && text.Contains("(v", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var match in ViaHttp().EnumerateMatches(text))
            {
                // " (via " (six chars in any case), "HTTP" and maybe one char, ')', then ' ', ';' or the end.
                return WithoutDelimiter(text.Slice(match.Index + 6, match.Length - 6))[..^1].ToString();
            }
        }

        return null;
    }

    // A match's tail less the ' ' or ';' the patterns end with (a group followed by the end of the text has none).
    private static ReadOnlySpan<char> WithoutDelimiter(ReadOnlySpan<char> tail) => tail[^1] is ' ' or ';' ? tail[..^1] : tail;

    // ViaHttp needs "(v" or "(V" ('v' has no other case forms), which few headers have.
    private static string? ViaHttpAuth(string text) =>
        text.Contains(" by ", StringComparison.Ordinal) && text.Contains("(v", StringComparison.OrdinalIgnoreCase) &&
        ViaHttp().Match(text) is { Success: true } match ? match.Groups[1].Value : null;

    // The fixed texts of the checks between the first and the last (one search for all; most headers have none of them).
    private static readonly System.Buffers.SearchValues<string> AuthMarkers = System.Buffers.SearchValues.Create(
        [" by mx.google.com with ESMTPS id ", " (AUTH: ", "authenticated", "by mail.gmx.", " (authenticated as ", ") (Authenticated sender: ", " (account ",
            " with Microsoft Exchange Server HTTP-DAV"], StringComparison.Ordinal);

    [GeneratedRegex(@" with ((?:ES|L|UTF8S|UTF8L)MTPS?A|ASMTP|HTTP[SU]?)(?: |;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AuthProtocol();

    [GeneratedRegex(@" by mx\.google\.com with ESMTPS id [a-z0-9]{1,4}sm[0-9]{2,9}[a-z]{3}\.[0-9]{1,3}\.[0-9]{4}\.(?:[0-6][0-9]\.){4}[0-6][0-9]")]
    private static partial Regex GmailSubmission();

    [GeneratedRegex(@"\(version=([^ ]+) cipher=([^)]+)\)")]
    private static partial Regex GmailCipher();

    [GeneratedRegex(@"^from .*?(?:\]\)|\)\]) \(AUTH: (LOGIN|PLAIN|DIGEST-MD5|CRAM-MD5) \S+(?:, .*?)?\) by ")]
    private static partial Regex CourierAuth();

    [GeneratedRegex(@"^from .*?(?:\](?: \([^)]*\))?\)|\)\]) .*?\(.*?authenticated.*?\).*? by")]
    private static partial Regex SendmailAuthenticated();

    [GeneratedRegex(@"from \S* \((?:HELO|EHLO) (\S*)\) \[(" + Ip + @")\] by (mail\.gmx\.(?:net|com)) \([^)]+\) with ((?:ESMTP|SMTP))")]
    private static partial Regex GmxSubmission();

    [GeneratedRegex(@"\) by .+ \(\d{1,2}\.\d\.\d{3}(?:\.\d{1,3})?\) \(authenticated as .+\) id ")]
    private static partial Regex CriticalPathAuth();

    [GeneratedRegex(@"\) \(Authenticated sender: \S+\) by \S+ \(([^)]+)\) with ")]
    private static partial Regex PostfixAuthenticatedSender();

    [GeneratedRegex(@"CommuniGate Pro (HTTP|SMTP|XIMSS|IMAP)")]
    private static partial Regex CommunigateProtocol();

    [GeneratedRegex(@" with Microsoft Exchange Server HTTP-DAV\b")]
    private static partial Regex ExchangeHttpDav();

    [GeneratedRegex(@" \(via (HTTP.?)\)(?: |;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ViaHttp();
}

using System.Net.Sockets;
using System.Net;
using System.Text.RegularExpressions;
using Dnsbl.Client.Net;

namespace Dnsbl.Client.Messages;

// Cleaning a header before the format rules run, and turning the captured address text into an address.
internal static partial class ReceivedHeaderParser
{
    // An IPv4 address or an IPv6 address (optionally "IPv6:"-prefixed, optionally ending in an IPv4 address), not glued
    // to other address characters. Interpolated into every format rule; the captured text is validated afterwards.
    private const string Ip =
        @"(?:(?<![0-9A-Za-z.:])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![0-9])" +
        @"|(?:IPv6:|(?<![0-9A-Fa-f:]))(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![0-9A-Fa-f:]))";

    // The ways of saying "this host" in a Received header (SpamAssassin's LOCALHOST).
    private const string LocalHost = @"(?:localhost(?:\.localdomain)?|(?<![:\d.])127\.0\.0\.1\b|(?:IPv6:)?(?:0{1,4}:){7}0{0,3}1|(?:IPv6:)?::1\b|(?:IPv6:)?::ffff:127\.0\.0\.1)";

    /// <summary>Unfolds and collapses white space, and drops trailing semicolons, as the format rules expect.</summary>
    private static string Normalize(string header)
    {
        var text = CollapseWhiteSpace(header.Length > MaxParsedLength ? header[..MaxParsedLength] : header).Trim();
        while (text.EndsWith(';'))
        {
            text = text[..^1].TrimEnd();
        }

        return text;
    }

    /// <summary>Each run of white space (<c>\s+</c>) as one space; the same instance when there is nothing to change.</summary>
    internal static string CollapseWhiteSpace(string text)
    {
        var span = text.AsSpan();
        var i = 0;
        while (true)
        {
            var next = span[i..].IndexOfAny(TextScan.WhiteSpace);
            if (next < 0)
            {
                return text; // every white space is already a single ' '
            }

            i += next;
            if (span[i] != ' ' || (i + 1 < span.Length && char.IsWhiteSpace(span[i + 1])))
            {
                break;
            }

            i++;
        }

        // Collapsing never lengthens the text: build it in a pooled buffer and allocate only the result.
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(span.Length);
        try
        {
            span[..i].CopyTo(buffer);
            var length = i;
            while (i < span.Length)
            {
                // At white space: one ' ' for the run, then the text up to the next run as it is.
                buffer[length++] = ' ';
                var run = span[i..].IndexOfAnyExcept(TextScan.WhiteSpace);
                if (run < 0)
                {
                    break;
                }

                i += run;
                var word = span[i..].IndexOfAny(TextScan.WhiteSpace);
                var wordLength = word < 0 ? span.Length - i : word;
                span.Slice(i, wordLength).CopyTo(buffer.AsSpan(length));
                length += wordLength;
                i += wordLength;
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Parses the address a format rule captured: "1.2.3.4", "[1.2.3.4]", "IPv6:2001:db8::1", "fe80::1%eth0",
    /// "::ffff:1.2.3.4" (read as the IPv4 address it carries).
    /// </summary>
    internal static bool TryParseAddress(string text, out IPAddress address)
    {
        var value = text.Trim().TrimStart('[').TrimEnd(']');
        if (value.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase))
        {
            value = value[5..];
        }

        var zone = value.IndexOf('%', StringComparison.Ordinal);
        if (zone > 0)
        {
            value = value[..zone];
        }

        // Only dotted-quad IPv4 or IPv6: IPAddress.TryParse also accepts "1" or "1.2", which are not address literals.
        if (IPAddress.TryParse(value, out var parsed) &&
            (parsed.AddressFamily == AddressFamily.InterNetworkV6 ? value.Contains(':', StringComparison.Ordinal) : value.Count(c => c == '.') == 3))
        {
            address = AddressClassifier.Canonical(parsed);
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    // "host." and "unknown" and "[1.2.3.4]" are not reverse names (SpamAssassin clears them the same way).
    private static string? CleanReverseDns(string? rdns)
    {
        var name = rdns?.TrimEnd('.');
        return string.IsNullOrEmpty(name) || name.StartsWith('[') || string.Equals(name, "unknown", StringComparison.OrdinalIgnoreCase) ? null : name;
    }


    /// <summary>
    /// <paramref name="text"/> (normalised: single spaces, no line breaks) without its trailing date, as
    /// <c>TrailingDate().Replace(text, "")</c> gives it, but searched only near the end. A match is a run of white space
    /// and semicolons followed by the date, whose 5 or 6 words (weekday optional) are joined by single spaces and end
    /// the text; so it cannot start left of the run that holds the 6th space from the end, and starting the search there
    /// finds the same leftmost match (the pattern has no look-behind and no start anchor).
    /// </summary>
    private static string WithoutTrailingDate(string text)
    {
        var start = text.Length;
        for (var spaces = 0; spaces < DateWords && start > 0;)
        {
            start = text.LastIndexOf(' ', start - 1);
            if (start < 0)
            {
                start = 0;
                break;
            }

            spaces++;
        }

        while (start > 0 && (char.IsWhiteSpace(text[start - 1]) || text[start - 1] == ';'))
        {
            start--;
        }

        foreach (var date in TrailingDate().EnumerateMatches(text, start))
        {
            return string.Concat(text.AsSpan(0, date.Index), text.AsSpan(date.Index + date.Length));
        }

        return text;
    }

    // The words of the longest date TrailingDate reads: "Tue, 23 May 2006 13:06:35 -0400".
    private const int DateWords = 6;

    // "; Tue, 23 May 2006 13:06:35 -0400" at the end: removed so that rules anchored at the end see the last clause.
    [GeneratedRegex(@"[\s;]+(?:(?:Mon|T(?:ue|hu)|Wed|Fri|S(?:at|un)), )?\d+ (?:J(?:an|u[nl])|Feb|Ma[ry]|A(?:pr|ug)|Sep|Oct|Nov|Dec) \d+ \d+:\d+(?::\d+)? \S+$")]
    private static partial Regex TrailingDate();

    [GeneratedRegex(@"\bhelo=([-A-Za-z0-9.^+_&:=?!@%*$\\/]+)(?:[^-A-Za-z0-9.^+_&:=?!@%*$\\/]|$)")]
    private static partial Regex HeloEquals();

    [GeneratedRegex(@"\b(?:HELO|EHLO) ([-A-Za-z0-9.^+_&:=?!@%*$\\/]+)(?:[^-A-Za-z0-9.^+_&:=?!@%*$\\/]|$)")]
    private static partial Regex HeloWord();

    [GeneratedRegex(@" by (\S+)(?:[^-A-Za-z0-9;.]|$)")]
    private static partial Regex ByHost();

    [GeneratedRegex(@"^from (\S+) by [^\s;]+ ?;", RegexOptions.IgnoreCase)]
    private static partial Regex FromByWithoutDetail();
}

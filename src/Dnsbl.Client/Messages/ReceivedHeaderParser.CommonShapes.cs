namespace Dnsbl.Client.Messages;

// A hand-written reader for the most common from clauses, in front of the format rules. Each shape is read only where
// the rule cascade provably gives the same captures (the reasoning is at each shape; ReceivedCommonShapeTests checks it on
// every recorded and corpus header, their variants and generated headers); anything else is declined and read by the rules.
internal static partial class ReceivedHeaderParser
{
    /// <summary>What a common shape gives: the captures the rules would leave in <see cref="RelayFields"/>.</summary>
    private readonly record struct CommonShape(string Helo, string? Rdns, string By, int IpStart, int IpLength);

    /// <summary>
    /// Reads <paramref name="text"/> (normalised, date removed, starting "from ") when it is one of the common shapes whose
    /// rule result is certain; false (nothing read) otherwise. Every shape needs its names to be plain host names (ASCII
    /// letters, digits, '.', '-', '_'; the Postfix shape's HELO may be an address literal), so no rule that starts with '['
    /// or '(' or needs '@', '&lt;' or a glued bracket can match it; and text after the "by" host, so rules that need a
    /// space there can match.
    /// </summary>
    private static bool TryReadCommonShape(ReadOnlySpan<char> text, out CommonShape shape)
    {
        shape = default;
        if (!text.StartsWith("from ", StringComparison.Ordinal))
        {
            return false;
        }

        var s = text[5..];
        var firstEnd = s.IndexOf(' ');
        if (firstEnd <= 0 || firstEnd + 2 >= s.Length || s[firstEnd + 1] != '(' || HasRareMarker(s))
        {
            return false;
        }

        // A HELO address literal ("[10.0.0.1]") is read in the Postfix shape only: no rule before the one that reads that
        // shape starts with '[' and can match it; the other shapes need a host name first.
        var hostFirst = IsHostWord(s[..firstEnd]);
        if (!hostFirst && !(s[0] == '[' && s[firstEnd - 1] == ']' && firstEnd > 2 && IsRuleIp(s[1..(firstEnd - 1)])))
        {
            return false;
        }

        var vendor = FindVendor(s);
        if (vendor is not null && !ReferenceEquals(vendor, PostfixRules) && !ReferenceEquals(vendor, EximRules) && !ReferenceEquals(vendor, ExchangeRules))
        {
            return false;
        }

        var first = s[..firstEnd];
        var rest = s[(firstEnd + 1)..];
        if (rest[1] == '[')
        {
            return hostFirst && (ReferenceEquals(vendor, EximRules)
                ? TryReadExim(text, first, rest, out shape)
                : (vendor is null || ReferenceEquals(vendor, ExchangeRules)) && TryReadBracketOnly(text, first, rest, vendor is not null, out shape));
        }

        var secondEnd = rest.IndexOf(' ');
        if (secondEnd < 0)
        {
            return false;
        }

        var second = rest[1..secondEnd];
        var afterSecond = rest[(secondEnd + 1)..];
        if (!hostFirst)
        {
            return (vendor is null || ReferenceEquals(vendor, PostfixRules)) && TryReadPostfix(text, first, second, afterSecond, out shape);
        }

        if (second.Length > 1 && second[^1] == ')' && IsRuleIp(second[..^1]))
        {
            // "host (ip) by": Microsoft 365 / Exchange and qmail without a HELO.
            return (vendor is null || ReferenceEquals(vendor, ExchangeRules)) &&
                TryReadParenthesisedIp(text, first, Offset(text, second), second.Length - 1, afterSecond, vendor is not null, out shape);
        }

        if (vendor is not null && !ReferenceEquals(vendor, PostfixRules))
        {
            return false;
        }

        if (second is "HELO" or "EHLO")
        {
            return vendor is null && TryReadQmailHelo(text, first, afterSecond, out shape);
        }

        return TryReadPostfix(text, first, second, afterSecond, out shape);
    }

    // Texts whose rules sit among the ones a common shape passes (SquirrelMail/AOL/webmail HTTP, Hotmail, qpsmtpd,
    // qmail-ldap's lookahead in the Sendmail rule, Exim's local step): when one is there, the rules decide.
    private static bool HasRareMarker(ReadOnlySpan<char> s) => s.ContainsAny(RareMarkers);

    private static readonly System.Buffers.SearchValues<string> RareMarkers =
        System.Buffers.SearchValues.Create(["with HTTP", ".hotmail.msn.com ", "(qpsmtpd/", "(qmail-", "with local"], StringComparison.Ordinal);

    /// <summary>Letters, digits, '.', '-', '_' (ASCII), at least one.</summary>
    private static bool IsHostWord(ReadOnlySpan<char> word) => word.Length > 0 && !word.ContainsAnyExcept(HostWordChars);

    // A "by" host that ends in a letter or digit: a \b after it is certain (SendmailRdnsLoose ends in "(?<by>\S+)\b").
    private static bool IsByHost(ReadOnlySpan<char> word) => IsHostWord(word) && char.IsAsciiLetterOrDigit(word[^1]);

    private static readonly System.Buffers.SearchValues<char> HostWordChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_");

    // Where span (a slice of text) starts in text.
    private static int Offset(ReadOnlySpan<char> text, ReadOnlySpan<char> span) =>
        (int)(System.Runtime.CompilerServices.Unsafe.ByteOffset(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(text),
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(span)) / sizeof(char));

    /// <summary>
    /// "by HOST REST" at the start of <paramref name="tail"/> with HOST a plain host name ending in a letter or digit and
    /// REST not empty; <paramref name="afterBy"/> is REST's text after the space (" REST" is at by's end).
    /// </summary>
    private static bool TryReadBy(ReadOnlySpan<char> tail, out ReadOnlySpan<char> by, out ReadOnlySpan<char> afterBy)
    {
        by = afterBy = default;
        if (!tail.StartsWith("by ", StringComparison.Ordinal))
        {
            return false;
        }

        var host = tail[3..];
        var end = host.IndexOf(' ');
        if (end <= 0 || end + 1 >= host.Length || !IsByHost(host[..end]))
        {
            return false;
        }

        by = host[..end];
        afterBy = host[end..];
        return true;
    }
}

namespace Dnsbl.Client.Messages;

// The common shapes one by one, each with why the rule cascade gives the same captures. "The rules before it fail" below
// is about the shape as TryReadCommonShape has narrowed it: plain host words, no rare marker, the vendor it allows.
internal static partial class ReceivedHeaderParser
{
    /// <summary>
    /// Postfix, Sendmail and Gmail: "HELO (RDNS [IP]) by BY REST". With the Postfix marker the Postfix rule reads it; without
    /// one, the leading rules that can match (Sendmail, ExchangeInternetMailService) and then SendmailRdnsLoose all capture
    /// the same helo, rdns, ip and by; the others need "([", a glued "[", "@", "(HELO" or start with '[' or '('. Sendmail's
    /// "by" is the last ") by X (": so a second ") by " sends the header to the rules.
    /// </summary>
    private static bool TryReadPostfix(ReadOnlySpan<char> text, ReadOnlySpan<char> helo, ReadOnlySpan<char> rdns, ReadOnlySpan<char> afterRdns, out CommonShape shape)
    {
        shape = default;
        var end = afterRdns.IndexOf(' ');
        if (!IsHostWord(rdns) || end < 5 || afterRdns[0] != '[' || !afterRdns[..end].EndsWith("])", StringComparison.Ordinal))
        {
            return false;
        }

        var ip = afterRdns[1..(end - 2)];
        if (!IsRuleIp(ip) || !TryReadBy(afterRdns[(end + 1)..], out var by, out var afterBy) || afterBy.Contains(") by ", StringComparison.Ordinal))
        {
            return false;
        }

        var rdnsText = rdns.ToString();
        shape = new CommonShape(helo.SequenceEqual(rdns) ? rdnsText : helo.ToString(), rdnsText, by.ToString(), Offset(text, ip), ip.Length);
        return true;
    }

    /// <summary>
    /// Exim: "RDNS ([IP] helo=HELO) by BY REST" or "RDNS ([IP]) by BY REST", with the Exim marker. Its local rule needs
    /// "with local" (declined earlier), its first rule a leading '['; EximRdnsBracket then takes rdns, ip, the text up to
    /// the first ") by " as sub (HELO has no ')') and the helo from sub, else the rdns as helo.
    /// </summary>
    private static bool TryReadExim(ReadOnlySpan<char> text, ReadOnlySpan<char> rdns, ReadOnlySpan<char> rest, out CommonShape shape)
    {
        shape = default;
        var close = rest.IndexOf(']');
        if (close < 3 || !IsRuleIp(rest[2..close]))
        {
            return false;
        }

        var ip = rest[2..close];
        var after = rest[(close + 1)..];
        var rdnsText = rdns.ToString();
        var helo = rdnsText;
        if (after.StartsWith(" helo=", StringComparison.Ordinal))
        {
            var end = after[1..].IndexOf(' ') + 1;
            if (end <= 0)
            {
                return false;
            }

            var word = after[6..end];
            if (word.Length < 2 || word[^1] != ')' || word[..^1].ContainsAny("()"))
            {
                return false;
            }

            helo = word[..^1].SequenceEqual(rdns) ? rdnsText : word[..^1].ToString();
            after = after[(end - 1)..];
        }

        if (!after.StartsWith(") ", StringComparison.Ordinal) || !TryReadBy(after[2..], out var by, out _))
        {
            return false;
        }

        shape = new CommonShape(helo, rdnsText, by.ToString(), Offset(text, ip), ip.Length);
        return true;
    }

    /// <summary>
    /// A relay's own hop, as Dovecot/Postfix LMTP, Sendmail and Exchange write it: "HOST ([IP]) by BY REST", without the
    /// Exim marker. With Exchange's marker the Exchange rule takes helo, ip and by. Without a marker the leading rules fail
    /// (ViaSmtpd is declined by its text; the others need " [", "helo=", a glued '[' or "@"); when REST has " SMTP" or
    /// " QMQP", the qmail shape decides (read when certain, else declined); otherwise SendmailBracketOnly or BracketWithPort
    /// take helo, ip and by, and the rules before them need a '[' or '(' first or a " (rdns [" part.
    /// </summary>
    private static bool TryReadBracketOnly(ReadOnlySpan<char> text, ReadOnlySpan<char> host, ReadOnlySpan<char> rest, bool exchange, out CommonShape shape)
    {
        shape = default;
        var close = rest.IndexOf(']');
        if (close < 3 || !IsRuleIp(rest[2..close]) || !rest[(close + 1)..].StartsWith(") ", StringComparison.Ordinal) ||
            !TryReadBy(rest[(close + 3)..], out var by, out var afterBy))
        {
            return false;
        }

        var ip = rest[2..close];
        var hostText = host.ToString();
        string? rdns = null;
        if (!exchange)
        {
            if (afterBy.Contains(" via smtpd", StringComparison.Ordinal))
            {
                return false;
            }

            // The qmail shape's "SMTP" or "QMQP" follows a space (its " with " or "(?:.* )"): without one there it fails.
            if (afterBy.Contains(" SMTP", StringComparison.Ordinal) || afterBy.Contains(" QMQP", StringComparison.Ordinal))
            {
                if (!QmailShapeCertain(afterBy))
                {
                    return false;
                }

                rdns = hostText == "unknown" ? null : hostText; // qmail's plain reader: the host is rdns and helo
            }
        }

        shape = new CommonShape(hostText, rdns, by.ToString(), Offset(text, ip), ip.Length);
        return true;
    }
}

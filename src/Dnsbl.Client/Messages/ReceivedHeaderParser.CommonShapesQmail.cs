namespace Dnsbl.Client.Messages;

// The common shapes whose rule is qmail's (or Exchange's for "HOST (IP) by" with its marker); see CommonShapeReaders.
internal static partial class ReceivedHeaderParser
{
    /// <summary>
    /// Microsoft 365 / Exchange and qmail: "HOST (IP) by BY REST". With Exchange's marker the Exchange rule takes helo, ip
    /// and by (no rdns). Without a marker the leading rules fail (they need " [", "([", "@" or "(HELO"), and when REST makes
    /// the qmail shape certain (<see cref="QmailShapeCertain"/>), qmail's plain reader takes HOST as rdns and helo.
    /// </summary>
    private static bool TryReadParenthesisedIp(ReadOnlySpan<char> text, ReadOnlySpan<char> host, int ipStart, int ipLength, ReadOnlySpan<char> afterIp, bool exchange, out CommonShape shape)
    {
        shape = default;
        if (!TryReadBy(afterIp, out var by, out var afterBy) || (!exchange && !QmailShapeCertain(afterBy)))
        {
            return false;
        }

        var hostText = host.ToString();
        shape = new CommonShape(hostText, exchange || hostText == "unknown" ? null : hostText, by.ToString(), ipStart, ipLength);
        return true;
    }

    /// <summary>
    /// qmail with a HELO: "RDNS (HELO NAME) (IP) by BY REST" (or EHLO), no vendor marker. The leading rules fail (Sendmail's
    /// needs " [" after "(HELO", qpsmtpd's its marker, HeloBracketAfter a '[' after the HELO part); with REST making the
    /// qmail shape certain, QmailHelo takes rdns, helo, ip and by ("unknown" is no rdns).
    /// </summary>
    private static bool TryReadQmailHelo(ReadOnlySpan<char> text, ReadOnlySpan<char> rdns, ReadOnlySpan<char> afterHelo, out CommonShape shape)
    {
        shape = default;
        var end = afterHelo.IndexOf(' ');
        if (end < 2 || afterHelo[end - 1] != ')' || !IsHostWord(afterHelo[..(end - 1)]))
        {
            return false;
        }

        var name = afterHelo[..(end - 1)];
        var address = afterHelo[(end + 1)..];
        var addressEnd = address.IndexOf(' ');
        if (addressEnd < 3 || address[0] != '(' || address[addressEnd - 1] != ')' || !IsRuleIp(address[1..(addressEnd - 1)]) ||
            !TryReadBy(address[(addressEnd + 1)..], out var by, out var afterBy) || !QmailShapeCertain(afterBy))
        {
            return false;
        }

        var ip = address[1..(addressEnd - 1)];
        var rdnsText = rdns.ToString();
        shape = new CommonShape(name.ToString(), rdnsText == "unknown" ? null : rdnsText, by.ToString(), Offset(text, ip), ip.Length);
        return true;
    }

    /// <summary>
    /// Whether the qmail shape's tail, <c>(?: \(.+\))* with (?:.* )?(?:SMTP|QMQP)(?! id )</c>, certainly matches at the
    /// start of <paramref name="afterBy"/> (which starts with a space): " with " first or after one " (...)", then "SMTP" at
    /// the start or after a space, not followed by " id ". False when unsure.
    /// </summary>
    private static bool QmailShapeCertain(ReadOnlySpan<char> afterBy)
    {
        var with = afterBy.IndexOf(" with ", StringComparison.Ordinal);
        if (with < 0 || (with > 0 && !(with >= 4 && afterBy.StartsWith(" (", StringComparison.Ordinal) && afterBy[with - 1] == ')')))
        {
            return false;
        }

        var protocol = afterBy[(with + 6)..];
        for (var at = 0; at < protocol.Length;)
        {
            var found = protocol[at..].IndexOf("SMTP", StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            var k = at + found;
            if ((k == 0 || protocol[k - 1] == ' ') && !protocol[(k + 4)..].StartsWith(" id ", StringComparison.Ordinal))
            {
                return true;
            }

            at = k + 1;
        }

        return false;
    }
}

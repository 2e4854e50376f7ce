using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

// The forms read piece by piece rather than by one rule: Exim's odd forms and qmail-smtpd's.
internal static partial class ReceivedHeaderParser
{
    // Exim's odd forms: take the pieces that are there; with an address and a "by" host that is enough.
    private static bool ReadLooseExim(string text, RelayFields fields)
    {
        if (LeadingWord().Match(text) is { Success: true } first)
        {
            fields.Rdns = first.Groups[1].Value;
        }

        if (ParenthesisedWord().Match(text) is { Success: true } comment)
        {
            fields.Helo = comment.Groups[1].Value;
        }

        if (EximBracketedIp().Match(text) is { Success: true } ip)
        {
            fields.Ip = ip.Groups[1].Value;
        }

        if (EximBy().Match(text) is { Success: true } by)
        {
            fields.By = by.Groups[1].Value;
            return !string.IsNullOrEmpty(fields.Ip);
        }

        return false;
    }

    // qmail-smtpd: "from rdns (HELO name) (ident@ip) by host with SMTP"; the HELO part is left out when it equals rdns.
    private static void ReadQmail(string text, RelayFields fields)
    {
        foreach (var (pattern, heloIsRdns) in (ReadOnlySpan<(Regex, bool)>)[(QmailHeloIdent(), false), (QmailHelo(), false), (QmailIdent(), true), (QmailPlain(), true)])
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                Take(match, fields, heloIsRdns);
                break;
            }
        }

        if (string.Equals(fields.Rdns, "unknown", StringComparison.Ordinal))
        {
            fields.Rdns = null;
        }
    }
}

using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

// The from-clause formats, tried in the order SpamAssassin tries them (the order matters: a later, looser rule would
// misread an earlier format). Each rule names its captures: ip, helo, rdns, by, ident, sub (Exim's "(helo=x ident=y)").
internal static partial class ReceivedHeaderParser
{
    private enum RuleEffect
    {
        Capture,
        CaptureHeloIsRdns, // the format leaves out the HELO when it equals the reverse name (qmail, Exim)
        Ignore,
        MailFetcher,
    }

    /// <summary>
    /// One format. <paramref name="Needs"/> are texts every match of <paramref name="Pattern"/> contains (each is a fixed,
    /// non-optional piece of the pattern): a header without one of them cannot match, so the pattern is not run. They
    /// only save time; <c>ReceivedRuleLiteralTests</c> checks that each is really in every match.
    /// </summary>
    private sealed record FormatRule(Regex? Guard, Regex Pattern, RuleEffect Effect = RuleEffect.Capture, string[]? Needs = null)
    {
        public bool CannotMatch(string text)
        {
            foreach (var needed in Needs ?? [])
            {
                if (!text.Contains(needed, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static ReceivedParseKind ReadFromClause(string text, RelayFields fields)
    {
        var vendor = FindVendor(text);
        if (vendor is not null)
        {
            var kind = Apply(text, fields, vendor);
            if (kind != ReceivedParseKind.Unparseable)
            {
                return kind;
            }

            if (ReferenceEquals(vendor, EximRules) && ReadLooseExim(text, fields))
            {
                return ReceivedParseKind.Relay;
            }
        }

        var general = Apply(text, fields, LeadingRules);
        if (general != ReceivedParseKind.Unparseable)
        {
            return general;
        }

        if (!QmailShapeRule.CannotMatch(text) && QmailShape().IsMatch(text))
        {
            ReadQmail(text, fields);
            return ReceivedParseKind.Relay;
        }

        general = Apply(text, fields, TrailingRules);
        if (general == ReceivedParseKind.Unparseable && string.IsNullOrEmpty(fields.Helo) && LeadingWord().Match(text) is { Success: true } word)
        {
            fields.Helo = word.Groups[1].Value; // a last guess, as SpamAssassin makes
        }

        return general;
    }

    private static ReceivedParseKind Apply(string text, RelayFields fields, FormatRule[] rules)
    {
        foreach (var rule in rules)
        {
            if (rule.CannotMatch(text) || (rule.Guard is not null && !rule.Guard.IsMatch(text)))
            {
                continue;
            }

            var match = rule.Pattern.Match(text);
            if (!match.Success)
            {
                continue;
            }

            switch (rule.Effect)
            {
                case RuleEffect.Ignore:
                    return ReceivedParseKind.Ignored;
                case RuleEffect.MailFetcher:
                    return ReceivedParseKind.MailFetcher;
            }

            Take(match, fields, rule.Effect == RuleEffect.CaptureHeloIsRdns);
            return ReceivedParseKind.Relay;
        }

        return ReceivedParseKind.Unparseable;
    }

    private static void Take(Match match, RelayFields fields, bool heloIsRdns)
    {
        if (match.Groups["ip"] is { Success: true } ip)
        {
            fields.Ip = ip.Value;
        }

        if (match.Groups["by"] is { Success: true } by)
        {
            fields.By = by.Value;
        }

        if (match.Groups["rdns"] is { Success: true } rdns)
        {
            // Sendmail writes an IDENT answer before the name: "(IDENT:qmailr@one.example.net [ip])".
            fields.Rdns = rdns.Value[(rdns.Value.IndexOf('@', StringComparison.Ordinal) + 1)..];
            if (heloIsRdns)
            {
                fields.Helo = fields.Rdns;
            }
        }

        if (match.Groups["helo"] is { Success: true } helo)
        {
            fields.Helo = helo.Value;
        }

        if (match.Groups["sub"] is { Success: true } sub && SubHelo().Match(sub.Value) is { Success: true } subHelo)
        {
            fields.Helo = subHelo.Groups[1].Value;
        }
    }
}

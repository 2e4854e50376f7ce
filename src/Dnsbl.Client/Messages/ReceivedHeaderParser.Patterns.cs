using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

// One pattern per Received shape (after "from " is removed). Case-sensitive unless marked: MTAs write these words in
// fixed case, and SpamAssassin matches them so.
internal static partial class ReceivedHeaderParser
{
    private const string I = "(?<ip>" + Ip + ")";

    [GeneratedRegex(@"^(?<helo>\S*) \(\[" + I + @"\][^)]{0,40}\) by (?<by>\S+) with Microsoft SMTPSVC")] private static partial Regex SmtpSvc();
    [GeneratedRegex(@"^mail pickup service by (\S+) with Microsoft SMTPSVC$")] private static partial Regex SmtpSvcPickup();
    [GeneratedRegex(@" with (?:Microsoft SMTP Server|mapi id) (?:\([^)]+\) )?\d+\.\d+\.\d+\.\d+(?:$| )")] private static partial Regex ExchangeMarker();
    [GeneratedRegex(@"^(?<helo>\S+) \(\[?" + I + @"(?:%[A-Za-z0-9._~-]*)?\]?\) by (?<by>\S+) ")] private static partial Regex Exchange();
    [GeneratedRegex(@"^(?<helo>\S+) \(\[?" + I + @"\]?(?::\d+)\) by (?<by>\S+)(?: \(\S+\))? with \[XMail")] private static partial Regex XMail();
    [GeneratedRegex(@"\(ecelerity\b")] private static partial Regex EcelerityMarker();
    [GeneratedRegex(@"^\(\[" + I + @":\d+\] helo=(?<helo>\S+)\) by (?<by>\S+) ")] private static partial Regex EcelerityHelo();
    [GeneratedRegex(@"^\S+ \(\[" + I + @":\d+\]\) by (?<by>\S+) ")] private static partial Regex Ecelerity();
    [GeneratedRegex(@"\bwith local(?:-\S+)? ")] private static partial Regex EximLocal();
    [GeneratedRegex(@"^\[" + I + @"\] \((?<sub>.*?)\) by (?<by>\S+) ")] private static partial Regex EximBracketFirst();
    [GeneratedRegex(@"^(?<rdns>\S+) \(\[" + I + @"\](?<sub>.*?)\) by (?<by>\S+) ")] private static partial Regex EximRdnsBracket();
    [GeneratedRegex(@"^(?<rdns>\S+) \[" + I + @"\](?::\d+)? by (?<by>\S+) ")] private static partial Regex EximRdnsBareBracket();
    [GeneratedRegex(@"^(\S+) ")] private static partial Regex LeadingWord();
    [GeneratedRegex(@" \((\S+)\) ")] private static partial Regex ParenthesisedWord();
    [GeneratedRegex(@" \[(" + Ip + @")(?:\.\d+)?\] ")] private static partial Regex EximBracketedIp();
    [GeneratedRegex(@"by (\S+) ")] private static partial Regex EximBy();
    [GeneratedRegex(@"helo=(\S+)")] private static partial Regex SubHelo();
    [GeneratedRegex(@"^(?<helo>\S+) \((?<rdns>\S+) \[" + I + @"\]\) by (?<by>\S+) ")] private static partial Regex Postfix();
    [GeneratedRegex(@"^(?<helo>\S+) \((?<rdns>\S+)\[" + I + @"\]\) by (?<by>\S+) ")] private static partial Regex PostfixGlued();
    [GeneratedRegex(@"^(?<helo>\S+) \( ?" + I + @"\) by (?<by>\S+)")] private static partial Regex Scalix();
    [GeneratedRegex(@"^(?<helo>\S+) \(\[" + I + @"\]\) by (?<by>\S+) \(Lotus")] private static partial Regex Domino();

    [GeneratedRegex(@" \((?:SquirrelMail|NaSMail) authenticated user ")] private static partial Regex SquirrelMailMarker();
    [GeneratedRegex(I + @"\b(?![.-]).{10,80}by (?<by>\S+) with HTTP")] private static partial Regex SquirrelMail();
    [GeneratedRegex(@"aol\.com.*with HTTP \(WebMailUI\)")] private static partial Regex AolMarker();
    [GeneratedRegex(I + @" by (?<by>\S+) \(" + Ip + @"\) with HTTP \(WebMailUI\)")] private static partial Regex AolWebMail();
    [GeneratedRegex(@"\bwith HTTP\b")] private static partial Regex WithHttp();
    [GeneratedRegex(@"^" + I + @" \(\[" + Ip + @"\]\) by (?<by>\S+)")] private static partial Regex NumericHeloHttp();
    [GeneratedRegex(@"^(?!.* by \S+ \(qmail-\S+\) with )(?<helo>\S+) \((?<rdns>\S+) \[" + I + @"\].*\) by (?<by>\S+) \(")] private static partial Regex Sendmail();
    [GeneratedRegex(@"^(?<helo>\S+) \((?<rdns>\S+) \[" + I + @"\]\) by (?<by>\S+) with \S+ \(")] private static partial Regex ExchangeInternetMailService();
    [GeneratedRegex(@"^(?<rdns>\S+) \(\[" + I + @"\] helo=(?<helo>\S+)\) by (?<by>\S+) with ")] private static partial Regex EximHeloNoWith();
    [GeneratedRegex(@"^(?<helo>\S+) \(<unknown\S*>\[" + I + @"\]\) by (?<by>\S+) ")] private static partial Regex UnknownBracketGlued();
    [GeneratedRegex(@"^(?<helo>\S+) \((?<rdns>\S+\.\S+)\[" + I + @"\]\) by (?<by>\S+) ")] private static partial Regex RdnsGlued();
    [GeneratedRegex(@"^(?<helo>\S+) \((?<ident>\S*)@\[" + I + @"\].*\) by (?<by>\S+) \(")] private static partial Regex IdentAtBracket();
    [GeneratedRegex(@"^(?:" + I + @" )?.*?by (?<by>\S+\.hotmail\.msn\.com) ")] private static partial Regex Hotmail();
    [GeneratedRegex(@"^(?<rdns>\S+) \((?:HELO|EHLO) (?<helo>\S*)\) \(" + I + @"\) by (?<by>\S+) \(qpsmtpd/\S+\) with (?:ESMTP|SMTP)")] private static partial Regex Qpsmtpd();
    [GeneratedRegex(@"^(?<rdns>\S+) \(LHLO (?<helo>\S*)\) \(" + I + @"\) by (?<by>\S+) with LMTP")] private static partial Regex LmtpLhlo();
    [GeneratedRegex(@"^(?<rdns>\S+) \((?:HELO|EHLO) (?<helo>\S*)\) \[" + I + @"\] by (?<by>\S+) \([^)]+\) with (?:ESMTP|SMTP)")] private static partial Regex HeloBracketAfter();
    [GeneratedRegex(@"^(?<helo>\S+) \(\[" + I + @"\]\) by (?<by>\S+) via smtpd \(for \S+\) with SMTP\(")] private static partial Regex ViaSmtpd();

    [GeneratedRegex(@"^\S+(?: \((?:HELO|EHLO) \S*\))? \((?:\S+@)?\[?" + Ip + @"\]?\)(?: \(envelope-sender <\S+>\))? by \S+(?: \(.+\))* with (?:.* )?(?:SMTP|QMQP)(?! id )")] private static partial Regex QmailShape();
    [GeneratedRegex(@"^(?<rdns>\S+) \((?:HELO|EHLO) (?<helo>[^ ()]*)\) \((?<ident>\S*)@\[?" + I + @"\]?\)(?: \(envelope-sender <\S+>\))? by (?<by>\S+)")] private static partial Regex QmailHeloIdent();
    [GeneratedRegex(@"^(?<rdns>\S+) \((?:HELO|EHLO) (?<helo>[^ ()]*)\) \(\[?" + I + @"\]?\)(?: \(envelope-sender <\S+>\))? by (?<by>\S+)")] private static partial Regex QmailHelo();
    [GeneratedRegex(@"^(?<rdns>\S+) \((?<ident>\S*)@\[?" + I + @"\]?\)(?: \(envelope-sender <\S+>\))? by (?<by>\S+)")] private static partial Regex QmailIdent();
    [GeneratedRegex(@"^(?<rdns>\S+) \(\[?" + I + @"\]?\)(?: \(envelope-sender <\S+>\))? by (?<by>\S+)")] private static partial Regex QmailPlain();
}

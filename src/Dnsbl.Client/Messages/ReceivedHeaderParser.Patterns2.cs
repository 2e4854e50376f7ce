using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

// The less common shapes (tried after the qmail forms), the local steps to ignore, and the upper-case and
// parenthesised variants.
internal static partial class ReceivedHeaderParser
{
    [GeneratedRegex(@"^\[" + I + @"\] by (?<by>\S+) via HTTP$")] private static partial Regex ViaHttpOnly();
    [GeneratedRegex(@"^(?:\S+) \( \[" + I + @"\]\).*? by (?<by>\S+) ")] private static partial Regex SpaceBracket();
    [GeneratedRegex(@"^\((?<helo>\S+) \[" + I + @"\]\) by (?<by>\S+) ")] private static partial Regex ParenthesisedHeloBracket();
    [GeneratedRegex(@"^\[" + I + @"\] by (?<by>\S+) ")] private static partial Regex BracketOnly();
    [GeneratedRegex(@"^\(\[?" + I + @"\]?\) by (?<by>\S+) ")] private static partial Regex ParenthesisedIpOnly();
    [GeneratedRegex(@"^(?<helo>\S+) \[" + I + @"\] by (?<by>\S+) \[" + Ip + @"\] with ")] private static partial Regex HeloBracketByBracket();
    [GeneratedRegex(@"^(?<helo>\S+) \[\(" + I + @"\)\] by (?<by>\S+) \(" + Ip + @"\) ")] private static partial Regex HeloBracketParen();
    [GeneratedRegex(@"^(?<helo>\S+) \(\[" + I + @"\]\) by (?<by>\S+) \(")] private static partial Regex SendmailBracketOnly();
    [GeneratedRegex(@"^(?<helo>\S+) \((?<rdns>\S+) \[" + I + @"\]\).*? by (?<by>\S+)\b")] private static partial Regex SendmailRdnsLoose();
    [GeneratedRegex(@"^(?<helo>\S+) \(\[" + I + @"(?:[.:]\d+)?\]\).*? by (?<by>\S+) ")] private static partial Regex BracketWithPort();
    [GeneratedRegex(@"^(?<helo>\S+) \((?<rdns>\S+) \[" + I + @"\]\)(?: \(authenticated bits=\d+\))? by (?<by>\S+) \(")] private static partial Regex SendmailAuthenticatedBits();
    [GeneratedRegex(@"with (?:POP3|IMAP)")] private static partial Regex MailFetcherProtocol();
    [GeneratedRegex(@"^(?<rdns>\S+) \((?:HELO|EHLO) (?<helo>[^)]*)\) \((?<ident>\S*@)?\[?" + I + @"\]?\).* by (?<by>\S+) ")] private static partial Regex QmailishHelo();
    [GeneratedRegex(@"^(?<rdns>\S+) \((?<ident>\S*@)?\[?" + I + @"\]?\).* by (?<by>\S+) ")] private static partial Regex QmailishPlain();
    [GeneratedRegex(@"^\[" + I + @"\] by (?<by>\S+) with http for ")] private static partial Regex WithHttpFor();
    [GeneratedRegex(@"^(?<rdns>\S+)\(" + I + @"\) by (?<by>\S+) via smap ")] private static partial Regex Smap();
    [GeneratedRegex(@"^(?<rdns>\S+)\(" + I + @", (?:HELO|EHLO) (?<helo>\S*)\) by (?<by>\S+) via smap ")] private static partial Regex SmapHelo();
    [GeneratedRegex(@"^\[" + I + @"\] by (?<by>\S+) \(Post")] private static partial Regex PostOffice();
    [GeneratedRegex(@"^\[" + I + @"\] by (?<by>\S+) \(ArGoSoft")] private static partial Regex ArGoSoft();
    [GeneratedRegex(@"^" + I + @" by (?<by>\S+) \((?:SMTPL|InterScan)\b")] private static partial Regex InterScan();
    [GeneratedRegex(@"^\S+ by \S+ with BSMTP")] private static partial Regex Bsmtp();
    [GeneratedRegex(@"^(?<helo>\S+) \((?<rdns>\S+) \[" + I + @"\]\) by (?<by>\S+) with ")] private static partial Regex HeloRdnsBracketWith();
    [GeneratedRegex(@"^(?<rdns>\S+) \((?:HELO|EHLO) (?<helo>\S*)\) \((?:(?<ident>\S+)@)?" + I + @".*?\) by (?<by>\S+) with ")] private static partial Regex YahooStyleHelo();
    [GeneratedRegex(@"^\[" + I + @"\] \((?:account \S+ )?(?:HELO|EHLO) (?<helo>\S*)\) by (?<by>\S+) \(")] private static partial Regex CommunigateHelo();
    [GeneratedRegex(@"^(?=.* \(CommuniGate Pro)(?<rdns>\S+) \(\[" + I + @"\] verified\) by (?<by>\S+) \(")] private static partial Regex CommunigateVerified();
    [GeneratedRegex(@"^\(\[" + I + @"\]\) by (?<by>\S+) with ")] private static partial Regex ParenthesisedBracketWith();
    [GeneratedRegex(@"^(?<helo>[^\d]\S+) \(" + I + @"\) by (?<by>\S+) ")] private static partial Regex HeloParenIp();
    [GeneratedRegex(@"^\S+ \(\S+\) by \S+ \(Content Technologies ")] private static partial Regex ContentTechnologies();
    [GeneratedRegex(@"^(?<helo>\S+) \(\[" + I + @"\] \[(?:\S+)\]\) by (?<by>\S+) with ")] private static partial Regex DoubleBracket();
    [GeneratedRegex(@"^" + I + @" by (?<by>\S+) with ")] private static partial Regex IpByWith();
    [GeneratedRegex(@"^(?<helo>\S+) \((?<rdns>\S+)\[" + I + @"\]\) by (?<by>\S+) ")] private static partial Regex RdnsGluedAny();
    [GeneratedRegex(@"^\[" + I + @"\]\S+ \((?:HELO|EHLO) (?<helo>\S*)\) by (?<by>\S+) ")] private static partial Regex BracketGluedHelo();
    [GeneratedRegex(@"^" + I + @" \((?:HELO|EHLO) (?<helo>\S*)\) by (?<by>\S+) ")] private static partial Regex IpHelo();
    [GeneratedRegex(@"^(?<helo>\S+) \[" + I + @"\] by (?<by>\S+) ")] private static partial Regex HeloBracketBy();
    [GeneratedRegex(@"^(?<rdns>\S+)\(" + I + @"\) by (?<by>\S+) ")] private static partial Regex RdnsParenGlued();
    [GeneratedRegex(@"^\[" + I + @"\] by (?<by>\S+) \(MailGate ")] private static partial Regex MailGate();
    [GeneratedRegex(@"^(?<helo>\S+) \(unverified \[" + I + @"\]\) by (?<by>\S+) ")] private static partial Regex Unverified();
    [GeneratedRegex(@"^" + I + @" \([A-Za-z][^)]+\) by (?<by>\S+) with ")] private static partial Regex IpComment();
    [GeneratedRegex(@"^\[" + I + @"\] \((?<sub>[^)]+)\) by (?<by>\S+) ")] private static partial Regex BracketComment();
    [GeneratedRegex(@"^(?<rdns>\S+) \((?:\S+@)?" + I + @"\) by (?<by>\S+) with ")] private static partial Regex RdnsParenIpWith();
    [GeneratedRegex(@"^(?<rdns>\S+)\(" + I + @"\)(?:, claiming to be ""(?<helo>\S+)"")? via \S+ by (?<by>\S+),")] private static partial Regex Obtuse();
    [GeneratedRegex(@"^(?<helo>\S+) \((?:\S+)@" + I + @" with login\) by (?<by>\S+\.yahoo\.com) with SMTP")] private static partial Regex YahooLogin();
    [GeneratedRegex(@"^X-Originating-IP: " + I + "$")] private static partial Regex OriginatingIp();

    [GeneratedRegex(@"^\S+ \([^\s@]+@" + LocalHost + @"\) by \S+ \(")] private static partial Regex LocalIdentSubmission();
    [GeneratedRegex(@"^\S+ \S+ by \S+ with local-e?smtp ")] private static partial Regex EximLocalSmtp();
    [GeneratedRegex(@"^127\.0\.0\.1 \(AVG SMTP \S+ \[\S+\]\)")] private static partial Regex AvgLocal();
    [GeneratedRegex(@"^\S+@\S+ by \S+ by uid \S+ ")] private static partial Regex AddressByUid();
    [GeneratedRegex(@"^\S+@\S+ by \S+ ")] private static partial Regex AddressBy();
    [GeneratedRegex(@"^Unknown/Local \(")] private static partial Regex UnknownLocal();
    [GeneratedRegex(@"^" + LocalHost + @" \((?:\S+@)?" + LocalHost + @"[)\[]")] private static partial Regex LocalhostToLocalhost();
    [GeneratedRegex(@"^\S+ \((?:\S+@)?" + LocalHost + @"\) ")] private static partial Regex FromLocalhostComment();
    [GeneratedRegex(@"^\S+ \(\S+@\S+ \[" + LocalHost + @"\]\) ")] private static partial Regex FromLocalhostBracket();
    [GeneratedRegex(@"^\(AUTH: \S+\) by \S+ with ")] private static partial Regex CourierAuthOnly();
    [GeneratedRegex(@"^localhost \(localhost \[\[UNIX: localhost\]\]\) by ")] private static partial Regex UnixSocket();
    [GeneratedRegex(@"^\S+\.amazon\.com by \S+\.amazon\.com with ESMTP \(peer crosscheck: ")] private static partial Regex AmazonInternal();
    [GeneratedRegex(@"^[^.]+ by \S+ with Novell_GroupWise")] private static partial Regex GroupWise();
    [GeneratedRegex(@"^no\.name\.available by \S+ via smtpd \(for ")] private static partial Regex RaptorFirewall();
    [GeneratedRegex(@"^\S+ by \S+ \(.{0,100}\) with qmail-scanner")] private static partial Regex QmailScanner();
    [GeneratedRegex(@"^\S+ by \S+ with local")] private static partial Regex NameByWithLocal();
    [GeneratedRegex(@"^\S+ \(\[unix socket\]\) by \S+ \(Cyrus v[0-9]*?\.[0-9]*?\.[0-9]*?\) with LMTPA")] private static partial Regex CyrusUnixSocket();
    [GeneratedRegex(@"^\S+ by \S+ (?:with|via|for|\()")] private static partial Regex NoAddressBy();
    [GeneratedRegex(@"^\S+ (?:(?:with|via|for) \S+|\(unverified\)) by\b")] private static partial Regex NoAddressWith();
    [GeneratedRegex(@"^\S+ \(unknown\) by \S+ \(SG\) with \b")] private static partial Regex SgUnknown();
    [GeneratedRegex(@"^\S+ \(\S+ \[local\]\) by \S+ \(OpenSMTPD\) with \b")] private static partial Regex OpenSmtpdLocal();
    [GeneratedRegex(@"\(LSMTP for")] private static partial Regex Lsmtp();
    [GeneratedRegex(@"^\(\[" + LocalHost + @"\]\) with MailEnable ")] private static partial Regex MailEnableLocal();
    [GeneratedRegex(@"^facebook\.com \([^)]+\) by facebook\.com with Thrift id \S+$")] private static partial Regex FacebookThrift();
    [GeneratedRegex(@"^\S+ named \S+ by gmailapi\.google\.com with HTTPREST$")] private static partial Regex GmailApi();
    [GeneratedRegex(@"^\S+ id \S+$")] private static partial Regex NameIdOnly();
    [GeneratedRegex(@"^\[<.*? \(Jetsend")] private static partial Regex Jetsend();

    [GeneratedRegex(@"^(?<helo>\S+) \((?<rdns>\S+) \[" + I + @"\]\) BY (?<by>\S+) (?:\([^)]+\) WITH SMTP )?ID <?(?:\S+?)>?(?: FOR <[^>]+>)?$")] private static partial Regex Simta();
    [GeneratedRegex(@"^(?<helo>\S*) \[" + I + @"\]\) by (?<by>\S+) \(NAVGW .*?\) with ")] private static partial Regex NortonGateway();
    [GeneratedRegex(@"^\S+@localhost\) by \S+ ")] private static partial Regex SendmailCommandLine();
    [GeneratedRegex(@"^[^\s@]+@[^)]+\) by \S+\(jqueuemail\) id [^\s;]+")] private static partial Regex JqueueMail();
}

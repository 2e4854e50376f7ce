using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

// The rule tables. Shapes and their order follow SpamAssassin 4.0's Mail::SpamAssassin::Message::Metadata::Received,
// which documents each with real headers; the patterns themselves are in ReceivedHeaderParser.Patterns.cs.
internal static partial class ReceivedHeaderParser
{
    private static readonly FormatRule[] EximRules =
    [
        new(null, EximLocal(), RuleEffect.Ignore, ["with local"]),
        new(null, EximBracketFirst(), RuleEffect.Capture, [") by "]),
        new(null, EximRdnsBracket(), RuleEffect.CaptureHeloIsRdns, [" (["]),
        new(null, EximRdnsBareBracket(), RuleEffect.CaptureHeloIsRdns, [" ["]),
    ];

    private static readonly FormatRule[] ExchangeRules = [new(null, Exchange())];

    private static readonly FormatRule[] PostfixRules = [new(null, Postfix()), new(null, PostfixGlued())];

    // Checked in order; the first marker present selects its rules (SpamAssassin's if/elsif chain). Markers: which of
    // VendorMarkerList's texts the rule needs (one of them); the rule is that text alone unless it has a pattern, which
    // then runs only when one of its texts is there.
    private static readonly (int Markers, Regex? Pattern, FormatRule[] Rules)[] VendorRules =
    [
        (1 << 0, null, [new(null, SmtpSvc()), new(null, SmtpSvcPickup(), RuleEffect.Ignore)]),
        ((1 << 1) | (1 << 2), ExchangeMarker(), ExchangeRules),
        (1 << 3, null, [new(null, XMail())]),
        (1 << 4, EcelerityMarker(), [new(null, EcelerityHelo()), new(null, Ecelerity())]),
        (1 << 5, null, EximRules),
        (1 << 6, null, PostfixRules),
        (1 << 7, null, [new(null, Scalix())]),
        (1 << 8, null, [new(null, Domino())]),
    ];

    // Every vendor marker's text (bit i of VendorRules' Markers is text i), and for the two that are patterns a text each
    // match contains (" with Microsoft SMTP Server " or " with mapi id ", "(ecelerity"): a header with none of them has no vendor.
    internal static readonly string[] VendorMarkerList =
        [" SMTPSVC", " with Microsoft SMTP Server ", " with mapi id ", "[XMail ", "(ecelerity", "Exim", " (Postfix) with", "(Scalix SMTP Relay", " (Lotus Domino "];

    private static readonly System.Buffers.SearchValues<string> VendorMarkerTexts = System.Buffers.SearchValues.Create(VendorMarkerList, StringComparison.Ordinal);

    private static readonly FormatRule[] LeadingRules =
    [
        new(SquirrelMailMarker(), SquirrelMail(), RuleEffect.Capture, [" with HTTP"]),
        new(AolMarker(), AolWebMail(), RuleEffect.Capture, [") with HTTP (WebMailUI)"]),
        new(WithHttp(), NumericHeloHttp(), RuleEffect.Capture, [" (["]),
        new(null, Sendmail(), RuleEffect.Capture, [" [", ") by "]),
        new(null, ExchangeInternetMailService(), RuleEffect.Capture, ["]) by "]),
        new(null, EximHeloNoWith(), RuleEffect.Capture, [" helo="]),
        new(null, UnknownBracketGlued(), RuleEffect.Capture, ["(<unknown"]),
        new(null, RdnsGlued(), RuleEffect.Capture, ["]) by "]),
        new(null, IdentAtBracket(), RuleEffect.Capture, ["@["]),
        new(null, Hotmail(), RuleEffect.Capture, [".hotmail.msn.com "]),
        new(null, Qpsmtpd(), RuleEffect.Capture, ["(qpsmtpd/"]),
        new(null, LmtpLhlo(), RuleEffect.Capture, ["(LHLO "]),
        new(null, HeloBracketAfter(), RuleEffect.Capture, ["] by "]),
        new(null, ViaSmtpd(), RuleEffect.Capture, [" via smtpd (for "]),
    ];

    private static readonly FormatRule[] TrailingRules =
    [
        new(null, ViaHttpOnly(), RuleEffect.Capture, [" via HTTP"]),
        new(null, SpaceBracket(), RuleEffect.Capture, [" ( ["]),
        new(null, ParenthesisedHeloBracket(), RuleEffect.Capture, ["]) by "]),
        new(null, BracketOnly(), RuleEffect.Capture, ["] by "]),
        new(null, ParenthesisedIpOnly(), RuleEffect.Capture, [") by "]),
        new(null, HeloBracketByBracket(), RuleEffect.Capture, ["] with "]),
        new(null, HeloBracketParen(), RuleEffect.Capture, [" [("]),
        new(null, SendmailBracketOnly(), RuleEffect.Capture, [" ([", "]) by "]),
        new(null, SendmailRdnsLoose(), RuleEffect.Capture, ["])", " by "]),
        new(null, BracketWithPort(), RuleEffect.Capture, [" ([", "])"]),
        new(null, SendmailAuthenticatedBits(), RuleEffect.Capture, ["])", " by "]),
        new(null, MailFetcherProtocol(), RuleEffect.MailFetcher, ["with "]),
        new(null, QmailishHelo(), RuleEffect.Capture, [") (", " by "]),
        new(null, QmailishPlain(), RuleEffect.CaptureHeloIsRdns, [" by "]),
        new(null, WithHttpFor(), RuleEffect.Capture, [" with http for "]),
        new(null, Smap(), RuleEffect.Capture, [" via smap "]),
        new(null, SmapHelo(), RuleEffect.Capture, [" via smap "]),
        new(null, PostOffice(), RuleEffect.Capture, ["] by ", " (Post"]),
        new(null, ArGoSoft(), RuleEffect.Capture, [" (ArGoSoft"]),
        new(null, InterScan(), RuleEffect.Capture, [" by "]),
        new(null, Bsmtp(), RuleEffect.Ignore, [" with BSMTP"]),
        new(null, HeloRdnsBracketWith(), RuleEffect.Capture, ["]) by "]),
        new(null, YahooStyleHelo(), RuleEffect.Capture, [") (", ") by "]),
        new(null, CommunigateHelo(), RuleEffect.Capture, ["] (", ") by "]),
        new(null, CommunigateVerified(), RuleEffect.CaptureHeloIsRdns, [" (CommuniGate Pro"]),
        new(null, ParenthesisedBracketWith(), RuleEffect.Capture, ["]) by "]),
        new(null, HeloParenIp(), RuleEffect.Capture, [") by "]),
        new(null, ContentTechnologies(), RuleEffect.Ignore, [" (Content Technologies "]),
        new(null, DoubleBracket(), RuleEffect.Capture, ["] ["]),
        new(null, IpByWith(), RuleEffect.Capture, [" with "]),
        new(null, RdnsGluedAny(), RuleEffect.Capture, ["]) by "]),
        new(null, BracketGluedHelo(), RuleEffect.Capture, [") by "]),
        new(null, IpHelo(), RuleEffect.Capture, [") by "]),
        new(null, HeloBracketBy(), RuleEffect.Capture, ["] by "]),
        new(null, RdnsParenGlued(), RuleEffect.Capture, [") by "]),
        new(null, MailGate(), RuleEffect.Capture, [" (MailGate "]),
        new(null, Unverified(), RuleEffect.Capture, [" (unverified ["]),
        new(null, IpComment(), RuleEffect.Capture, [") by "]),
        new(null, BracketComment(), RuleEffect.Capture, [") by "]),
        new(null, RdnsParenIpWith(), RuleEffect.Capture, [") by "]),
        new(null, Obtuse(), RuleEffect.Capture, [" via "]),
        new(null, YahooLogin(), RuleEffect.Capture, [" with login) by "]),
        new(null, OriginatingIp(), RuleEffect.Capture, ["X-Originating-IP: "]),
        new(null, LocalIdentSubmission(), RuleEffect.Ignore, [") by "]),
        new(null, EximLocalSmtp(), RuleEffect.Ignore, [" with local-"]),
        new(null, AvgLocal(), RuleEffect.Ignore, ["(AVG SMTP "]),
        new(null, AddressByUid(), RuleEffect.Ignore, [" by uid "]),
        new(null, AddressBy(), RuleEffect.Ignore, [" by "]),
        new(null, UnknownLocal(), RuleEffect.Ignore, ["Unknown/Local ("]),
        new(null, LocalhostToLocalhost(), RuleEffect.Ignore),
        new(null, FromLocalhostComment(), RuleEffect.Ignore),
        new(null, FromLocalhostBracket(), RuleEffect.Ignore, ["]) "]),
        new(null, CourierAuthOnly(), RuleEffect.Ignore, ["(AUTH: "]),
        new(null, UnixSocket(), RuleEffect.Ignore, ["[[UNIX: localhost]]"]),
        new(null, AmazonInternal(), RuleEffect.Ignore, [" (peer crosscheck: "]),
        new(null, GroupWise(), RuleEffect.Ignore, [" with Novell_GroupWise"]),
        new(null, RaptorFirewall(), RuleEffect.Ignore, ["no.name.available by "]),
        new(null, QmailScanner(), RuleEffect.Ignore, [") with qmail-scanner"]),
        new(null, NameByWithLocal(), RuleEffect.Ignore, [" with local"]),
        new(null, CyrusUnixSocket(), RuleEffect.Ignore, ["([unix socket]) by "]),
        new(null, NoAddressBy(), RuleEffect.Ignore, [" by "]),
        new(null, NoAddressWith(), RuleEffect.Ignore, [" by"]),
        new(null, SgUnknown(), RuleEffect.Ignore, [" (SG) with "]),
        new(null, OpenSmtpdLocal(), RuleEffect.Ignore, [" [local]) by "]),
        new(null, Lsmtp(), RuleEffect.Ignore, ["(LSMTP for"]),
        new(null, MailEnableLocal(), RuleEffect.Ignore, [") with MailEnable "]),
        new(null, FacebookThrift(), RuleEffect.Ignore, [" with Thrift id "]),
        new(null, GmailApi(), RuleEffect.Ignore, [" by gmailapi.google.com with HTTPREST"]),
        new(null, NameIdOnly(), RuleEffect.Ignore, [" id "]),
        new(null, Jetsend(), RuleEffect.Ignore, [" (Jetsend"]),
    ];

    /// <summary>Each rule's pattern with the texts it needs (see <see cref="FormatRule"/>), for the test that checks them.</summary>
    internal static IEnumerable<(Regex Pattern, string[] Needs)> RulesWithNeeds() =>
        VendorRules.SelectMany(vendor => vendor.Rules).Concat(LeadingRules).Concat(TrailingRules).Concat(SimtaRules).Concat(ParenthesisedFromRules).Append(QmailShapeRule)
            .Where(rule => rule.Needs is not null).Select(rule => (rule.Pattern, rule.Needs!)).Distinct();

    // Not a table rule: it picks the qmail readers (ReadFromClause); only its needed texts are used from here.
    private static readonly FormatRule QmailShapeRule = new(null, QmailShape(), RuleEffect.Capture, [") by ", " with "]);

    private static readonly FormatRule[] SimtaRules = [new(null, Simta(), RuleEffect.Capture, [") BY "])];

    private static readonly FormatRule[] ParenthesisedFromRules =
    [
        new(null, NortonGateway(), RuleEffect.Capture, [" (NAVGW "]),
        new(null, SendmailCommandLine(), RuleEffect.Ignore, ["@localhost) by "]),
        new(null, JqueueMail(), RuleEffect.Ignore, ["(jqueuemail) id "]),
    ];
}

using System.Text.RegularExpressions;

namespace Dnsbl.Client.Messages;

// The rule tables. Shapes and their order follow SpamAssassin 4.0's Mail::SpamAssassin::Message::Metadata::Received,
// which documents each with real headers; the patterns themselves are in ReceivedHeaderParser.Patterns.cs.
internal static partial class ReceivedHeaderParser
{
    private static readonly FormatRule[] EximRules =
    [
        new(null, EximLocal(), RuleEffect.Ignore),
        new(null, EximBracketFirst()),
        new(null, EximRdnsBracket(), RuleEffect.CaptureHeloIsRdns),
        new(null, EximRdnsBareBracket(), RuleEffect.CaptureHeloIsRdns),
    ];

    // Checked in order; the first marker present selects its rules (SpamAssassin's if/elsif chain).
    private static readonly (Regex Marker, FormatRule[] Rules)[] VendorRules =
    [
        (SmtpSvcMarker(), [new(null, SmtpSvc()), new(null, SmtpSvcPickup(), RuleEffect.Ignore)]),
        (ExchangeMarker(), [new(null, Exchange())]),
        (XMailMarker(), [new(null, XMail())]),
        (EcelerityMarker(), [new(null, EcelerityHelo()), new(null, Ecelerity())]),
        (EximMarker(), EximRules),
        (PostfixMarker(), [new(null, Postfix()), new(null, PostfixGlued())]),
        (ScalixMarker(), [new(null, Scalix())]),
        (DominoMarker(), [new(null, Domino())]),
    ];

    private static readonly FormatRule[] LeadingRules =
    [
        new(SquirrelMailMarker(), SquirrelMail()),
        new(AolMarker(), AolWebMail()),
        new(WithHttp(), NumericHeloHttp()),
        new(null, Sendmail()),
        new(null, ExchangeInternetMailService()),
        new(null, EximHeloNoWith()),
        new(null, UnknownBracketGlued()),
        new(null, RdnsGlued()),
        new(null, IdentAtBracket()),
        new(null, Hotmail()),
        new(null, Qpsmtpd()),
        new(null, LmtpLhlo()),
        new(null, HeloBracketAfter()),
        new(null, ViaSmtpd()),
    ];

    private static readonly FormatRule[] TrailingRules =
    [
        new(null, ViaHttpOnly()),
        new(null, SpaceBracket()),
        new(null, ParenthesisedHeloBracket()),
        new(null, BracketOnly()),
        new(null, ParenthesisedIpOnly()),
        new(null, HeloBracketByBracket()),
        new(null, HeloBracketParen()),
        new(null, SendmailBracketOnly()),
        new(null, SendmailRdnsLoose()),
        new(null, BracketWithPort()),
        new(null, SendmailAuthenticatedBits()),
        new(null, MailFetcherProtocol(), RuleEffect.MailFetcher),
        new(null, QmailishHelo()),
        new(null, QmailishPlain(), RuleEffect.CaptureHeloIsRdns),
        new(null, WithHttpFor()),
        new(null, Smap()),
        new(null, SmapHelo()),
        new(null, PostOffice()),
        new(null, ArGoSoft()),
        new(null, InterScan()),
        new(null, Bsmtp(), RuleEffect.Ignore),
        new(null, HeloRdnsBracketWith()),
        new(null, YahooStyleHelo()),
        new(null, CommunigateHelo()),
        new(null, CommunigateVerified(), RuleEffect.CaptureHeloIsRdns),
        new(null, ParenthesisedBracketWith()),
        new(null, HeloParenIp()),
        new(null, ContentTechnologies(), RuleEffect.Ignore),
        new(null, DoubleBracket()),
        new(null, IpByWith()),
        new(null, RdnsGluedAny()),
        new(null, BracketGluedHelo()),
        new(null, IpHelo()),
        new(null, HeloBracketBy()),
        new(null, RdnsParenGlued()),
        new(null, MailGate()),
        new(null, Unverified()),
        new(null, IpComment()),
        new(null, BracketComment()),
        new(null, RdnsParenIpWith()),
        new(null, Obtuse()),
        new(null, YahooLogin()),
        new(null, OriginatingIp()),
        new(null, LocalIdentSubmission(), RuleEffect.Ignore),
        new(null, EximLocalSmtp(), RuleEffect.Ignore),
        new(null, AvgLocal(), RuleEffect.Ignore),
        new(null, AddressByUid(), RuleEffect.Ignore),
        new(null, AddressBy(), RuleEffect.Ignore),
        new(null, UnknownLocal(), RuleEffect.Ignore),
        new(null, LocalhostToLocalhost(), RuleEffect.Ignore),
        new(null, FromLocalhostComment(), RuleEffect.Ignore),
        new(null, FromLocalhostBracket(), RuleEffect.Ignore),
        new(null, CourierAuthOnly(), RuleEffect.Ignore),
        new(null, UnixSocket(), RuleEffect.Ignore),
        new(null, AmazonInternal(), RuleEffect.Ignore),
        new(null, GroupWise(), RuleEffect.Ignore),
        new(null, RaptorFirewall(), RuleEffect.Ignore),
        new(null, QmailScanner(), RuleEffect.Ignore),
        new(null, NameByWithLocal(), RuleEffect.Ignore),
        new(null, CyrusUnixSocket(), RuleEffect.Ignore),
        new(null, NoAddressBy(), RuleEffect.Ignore),
        new(null, NoAddressWith(), RuleEffect.Ignore),
        new(null, SgUnknown(), RuleEffect.Ignore),
        new(null, OpenSmtpdLocal(), RuleEffect.Ignore),
        new(null, Lsmtp(), RuleEffect.Ignore),
        new(null, MailEnableLocal(), RuleEffect.Ignore),
        new(null, FacebookThrift(), RuleEffect.Ignore),
        new(null, GmailApi(), RuleEffect.Ignore),
        new(null, NameIdOnly(), RuleEffect.Ignore),
        new(null, Jetsend(), RuleEffect.Ignore),
    ];

    private static readonly FormatRule[] SimtaRules = [new(null, Simta())];

    private static readonly FormatRule[] ParenthesisedFromRules =
    [
        new(null, NortonGateway()),
        new(null, SendmailCommandLine(), RuleEffect.Ignore),
        new(null, JqueueMail(), RuleEffect.Ignore),
    ];
}

using Dnsbl.Client.Lists;
using static Dnsbl.Client.Catalogue.CatalogueRules;

namespace Dnsbl.Client.Catalogue;

public static partial class DnsblCatalogue
{
    private const string SpamhausTerms =
        "Public mirrors are free only for low-volume, non-commercial use (Spamhaus states roughly < 100,000 SMTP connections " +
        "and < 300,000 queries a day); commercial use or more volume needs a (free for qualifying users) DQS key or a paid " +
        "data feed. Queries through public resolvers (8.8.8.8, 1.1.1.1...) are refused with 127.255.255.254.";

    private const string SpamhausScores =
        "SpamAssassin rules/50_scores.cf score set 1 (network tests, no Bayes): RCVD_IN_SBL 2.596, RCVD_IN_SBL_CSS 3.558, " +
        "RCVD_IN_XBL 0.724, RCVD_IN_PBL 3.558. DROP (127.0.0.9) has no SpamAssassin score of its own: 2.596, the SBL score, " +
        "is our approximation (DROP is part of the SBL). SpamAssassin checks XBL and PBL on the last external relay only.";

    private static Uri SpamhausSite => new("https://www.spamhaus.org/");

    /// <summary>Spamhaus ZEN (<c>zen.spamhaus.org</c>): SBL + CSS + XBL + PBL in one query.</summary>
    public static DnsList SpamhausZen => Named("spamhaus-zen").List;

    /// <summary>Spamhaus SBL (<c>sbl.spamhaus.org</c>): verified spam sources and operations, CSS, DROP.</summary>
    public static DnsList SpamhausSbl => Named("spamhaus-sbl").List;

    /// <summary>Spamhaus XBL (<c>xbl.spamhaus.org</c>): hijacked hosts, bots, exploited proxies.</summary>
    public static DnsList SpamhausXbl => Named("spamhaus-xbl").List;

    /// <summary>Spamhaus PBL (<c>pbl.spamhaus.org</c>): end-user ranges that should not send mail directly.</summary>
    public static DnsList SpamhausPbl => Named("spamhaus-pbl").List;

    /// <summary>Spamhaus DBL (<c>dbl.spamhaus.org</c>): domains with poor reputation; asked with full host names.</summary>
    public static DnsList SpamhausDbl => Named("spamhaus-dbl").List;

    /// <summary>Spamhaus ZRD (zero reputation domains, first seen within 24 hours); only served through DQS.</summary>
    public static DnsList SpamhausZrd => Named("spamhaus-zrd").List;

    private static ReturnCodeRule[] SblRules() =>
    [
        Rule("127.0.0.2", 2.596, "SBL"),
        Rule("127.0.0.3", 3.558, "CSS"),
        Rule("127.0.0.9", 2.596, "DROP"),
    ];

    private static ReturnCodeRule XblRule() => Rule("127.0.0.[4..7]", 0.724, "XBL");

    private static ReturnCodeRule PblRule() => Rule("127.0.0.[10..11]", 3.558, "PBL");

    private static IEnumerable<CatalogueEntry> SpamhausEntries() =>
    [
        // One list, one relay set: ZEN asks the last external relay, where XBL and PBL apply (SpamAssassin asks ZEN for
        // SBL of every untrusted relay too; use spamhaus-sbl for that). Asking PBL of older hops would judge users'
        // own submissions from home.
        SpamhausIp(
            "spamhaus-zen", "zen.spamhaus.org", [.. SblRules(), XblRule(), PblRule()], RelaySelection.LastExternal,
            "SBL 127.0.0.2, CSS 127.0.0.3, XBL 127.0.0.4-7, DROP 127.0.0.9, PBL 127.0.0.10 (ISP maintained) and " +
            "127.0.0.11 (Spamhaus maintained). Errors: 127.255.255.252 bad key/zone, .254 public resolver, .255 excessive queries."),
        SpamhausIp(
            "spamhaus-sbl", "sbl.spamhaus.org", SblRules(), RelaySelection.AllUntrusted,
            "SBL 127.0.0.2, CSS 127.0.0.3, DROP 127.0.0.9."),
        SpamhausIp("spamhaus-xbl", "xbl.spamhaus.org", [XblRule()], RelaySelection.LastExternal, "XBL 127.0.0.4-7 (hijacked and infected hosts)."),
        SpamhausIp(
            "spamhaus-pbl", "pbl.spamhaus.org", [PblRule()], RelaySelection.LastExternal,
            "PBL 127.0.0.10 (ISP maintained) and 127.0.0.11 (Spamhaus maintained): dynamic and end-user ranges."),
        CreateSpamhausDbl(),
        CreateSpamhausZrd(),
    ];

    // relays: the message relays SpamAssassin's shipped rules ask of this list (20_dnsbl_tests.cf).
    private static CatalogueEntry SpamhausIp(string name, string zone, ReturnCodeRule[] rules, RelaySelection relays, string description) =>
        new(
            name,
            new DnsList(zone, DnsListKind.IpBlockList) { Rules = rules, ErrorCodes = SpamhausErrors, ProbePoints = Rfc5782IpPoints, Relays = relays },
            description,
            SpamhausTerms,
            SpamhausScores,
            SpamhausSite);

    private static CatalogueEntry CreateSpamhausDbl() => new(
        "spamhaus-dbl",
        new DnsList("dbl.spamhaus.org", DnsListKind.UriBlockList)
        {
            Rules =
            [
                Rule("127.0.1.2", 2.5, "DBL_SPAM"),
                Rule("127.0.1.3", 0.001, "DBL_REDIRECTOR"),
                Rule("127.0.1.4", 2.5, "DBL_PHISH"),
                Rule("127.0.1.5", 2.5, "DBL_MALWARE"),
                Rule("127.0.1.6", 2.5, "DBL_BOTNET_CC"),
                Rule("127.0.1.102", 2.0, "DBL_ABUSED_SPAM"),
                Rule("127.0.1.103", 0.001, "DBL_ABUSED_REDIRECTOR"),
                Rule("127.0.1.104", 2.5, "DBL_ABUSED_PHISH"),
                Rule("127.0.1.105", 2.5, "DBL_ABUSED_MALWARE"),
                Rule("127.0.1.106", 2.5, "DBL_ABUSED_BOTNET_CC"),
            ],
            ErrorCodes = [.. SpamhausErrors, Code("127.0.1.255")],
            DomainForm = DomainQueryForm.FullHostName,
            // DBL's documented test domain; RFC 5782's "test" is not listed by the DBL.
            ProbePoints = [new("dbltest.com", ExpectListed: true), new("invalid", ExpectListed: false)],
        },
        "Domains: 127.0.1.2 spam, .4 phishing, .5 malware, .6 botnet C&C; .102-.106 the same for abused legitimate domains " +
        "(.103 abused redirector); .3 spammed redirector (legacy). 127.0.1.255 means an IP address was asked (a client " +
        "error). Asked with the full host name: the DBL lists host names as well as registered domains.",
        SpamhausTerms,
        "SpamAssassin rules/50_scores.cf: URIBL_DBL_SPAM/PHISH/MALWARE/BOTNETCC 2.5, URIBL_DBL_ABUSE_SPAM 2.0, " +
        "URIBL_DBL_ABUSE_PHISH/MALW/BOTCC 2.5, URIBL_DBL_ABUSE_REDIR 0.001. The legacy redirector code .3 (0.001) is " +
        "our approximation after the abused-redirector score. The test domain dbltest.com is from Spamhaus' documentation (from memory).",
        SpamhausSite);

    private static CatalogueEntry CreateSpamhausZrd()
    {
        ReturnCodeRule[] rules =
        [
            Rule("127.0.2.[2..4]", 2.0, "ZRD_VERY_FRESH"),
            Rule("127.0.2.[5..24]", 1.0, "ZRD_FRESH"),
        ];
        return new CatalogueEntry(
            "spamhaus-zrd",
            new DnsList("zrd.dq.spamhaus.net", DnsListKind.UriBlockList)
            {
                Rules = rules,
                ErrorCodes = SpamhausErrors,
                DomainForm = DomainQueryForm.FullHostName,
            },
            "Zero Reputation Domains: domains first seen within the last 24 hours; 127.0.2.N with N = 2..24 the age in " +
            "hours. Served only through DQS: this entry's zone has no key and will not answer; build the usable list " +
            "with DnsblCatalogue.SpamhausDqs(key, \"spamhaus-zrd\").",
            "DQS only (free key for qualifying low-volume users, otherwise a paid subscription). " + SpamhausTerms,
            "Approximate, our choice: 2.0 for 2-4 hours old, 1.0 for 5-24 hours. Spamhaus' own SpamAssassin DQS rules " +
            "split ZRD the same way (VERY_FRESH 2-4, FRESH 5-24) but we did not verify their scores.",
            SpamhausSite)
        {
            RequiresKey = true,
        };
    }
}

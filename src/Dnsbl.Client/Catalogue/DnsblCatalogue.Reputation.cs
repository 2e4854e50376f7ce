using Dnsbl.Client.Lists;
using static Dnsbl.Client.Catalogue.CatalogueRules;

namespace Dnsbl.Client.Catalogue;

public static partial class DnsblCatalogue
{
    /// <summary>SpamCop (<c>bl.spamcop.net</c>): sources reported by SpamCop users; short listing times.</summary>
    public static DnsList Spamcop => Named("spamcop").List;

    /// <summary>Barracuda Reputation Block List (<c>b.barracudacentral.org</c>); needs free registration of your resolvers.</summary>
    public static DnsList Barracuda => Named("barracuda").List;

    /// <summary>Passive Spam Block List (<c>psbl.surriel.com</c>): IPs that sent to spam traps and never to real users.</summary>
    public static DnsList Psbl => Named("psbl").List;

    /// <summary>Mailspike reputation block list (<c>bl.mailspike.net</c>).</summary>
    public static DnsList MailspikeBlock => Named("mailspike-bl").List;

    /// <summary>Mailspike reputation allow list (<c>wl.mailspike.net</c>).</summary>
    public static DnsList MailspikeAllow => Named("mailspike-wl").List;

    /// <summary>UCEPROTECT level 1 (<c>dnsbl-1.uceprotect.net</c>): single IPs.</summary>
    public static DnsList Uceprotect1 => Named("uceprotect-1").List;

    /// <summary>UCEPROTECT level 2 (<c>dnsbl-2.uceprotect.net</c>): whole allocations with many level-1 listings.</summary>
    public static DnsList Uceprotect2 => Named("uceprotect-2").List;

    /// <summary>UCEPROTECT level 3 (<c>dnsbl-3.uceprotect.net</c>): whole autonomous systems.</summary>
    public static DnsList Uceprotect3 => Named("uceprotect-3").List;

    /// <summary>DNSWL.org (<c>list.dnswl.org</c>): an allow list of known legitimate senders with a trust level.</summary>
    public static DnsList Dnswl => Named("dnswl").List;

    private static CatalogueEntry SingleCode(
        string name, string zone, string ruleName, double weight, string description, string terms, string weightSource, string site) =>
        new(
            name,
            new DnsList(zone, DnsListKind.IpBlockList) { Rules = [Rule("127.0.0.2", weight, ruleName)], ProbePoints = Rfc5782IpPoints },
            description,
            terms,
            weightSource,
            new Uri(site));

    private static CatalogueEntry CreateSpamcop() => SingleCode(
        "spamcop", "bl.spamcop.net", "SPAMCOP", 1.246,
        "127.0.0.2: reported by SpamCop users or hit its traps; listings expire within about a day of the last report.",
        "Free; no registration. Operated by Cisco Talos.",
        "SpamAssassin rules/50_scores.cf score set 1: RCVD_IN_BL_SPAMCOP_NET 1.246.",
        "https://www.spamcop.net/");

    private static CatalogueEntry CreateBarracuda() => SingleCode(
        "barracuda", "b.barracudacentral.org", "BRBL", 1.644,
        "127.0.0.2: poor reputation in Barracuda's network.",
        "Free, but the DNS servers that query it must be registered at barracudacentral.org; unregistered queries may go unanswered.",
        "SpamAssassin rules/50_scores.cf (commented out there, since the list needs registration): RCVD_IN_BRBL_LASTEXT 1.644 in score set 1.",
        "https://www.barracudacentral.org/");

    private static CatalogueEntry CreatePsbl() => SingleCode(
        "psbl", "psbl.surriel.com", "PSBL", 2.7,
        "127.0.0.2: sent mail to spam traps and to no real users; easy self-service removal.",
        "Free; rsync of the zone available for large users.",
        "SpamAssassin rules/50_scores.cf: RCVD_IN_PSBL 2.7.",
        "https://psbl.org/");

    private static IEnumerable<CatalogueEntry> UceprotectEntries() =>
    [
        SingleCode(
            "uceprotect-1", "dnsbl-1.uceprotect.net", "UCEPROTECT_L1", 1.0,
            "127.0.0.2: single IPs that hit UCEPROTECT's traps; listings expire after 7 days without hits.",
            UceprotectTerms, "Approximate, our choice: SpamAssassin ships no UCEPROTECT rule; 1.0 is its default score for an unscored rule.",
            "https://www.uceprotect.net/"),
        SingleCode(
            "uceprotect-2", "dnsbl-2.uceprotect.net", "UCEPROTECT_L2", 0.5,
            "127.0.0.2: whole allocations with many level-1 listings; lists innocent neighbours by design.",
            UceprotectTerms, "Approximate, our choice (half of level 1) because of the deliberate collateral listings.",
            "https://www.uceprotect.net/"),
        SingleCode(
            "uceprotect-3", "dnsbl-3.uceprotect.net", "UCEPROTECT_L3", 0.25,
            "127.0.0.2: whole autonomous systems with many level-1 listings; very high collateral.",
            UceprotectTerms, "Approximate, our choice (a quarter of level 1) because whole networks are listed.",
            "https://www.uceprotect.net/"),
    ];

    private const string UceprotectTerms =
        "Free to query; high-volume users are expected to use rsync. The operator sells 'express delisting'; levels 2 and 3 " +
        "list whole networks, so use them for scoring rather than rejection.";
}

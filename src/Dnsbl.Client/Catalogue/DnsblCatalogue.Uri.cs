using Dnsbl.Client.Lists;
using static Dnsbl.Client.Catalogue.CatalogueRules;

namespace Dnsbl.Client.Catalogue;

public static partial class DnsblCatalogue
{
    /// <summary>URIBL multi (<c>multi.uribl.com</c>): domains in spam, as bits (2 black, 4 grey, 8 red).</summary>
    public static DnsList UriblMulti => Named("uribl-multi").List;

    /// <summary>SURBL multi (<c>multi.surbl.org</c>): domains in spam, as bits (8 PH, 16 MW, 64 ABUSE, 128 CR).</summary>
    public static DnsList SurblMulti => Named("surbl-multi").List;

    private static CatalogueEntry CreateUribl() => new(
        "uribl-multi",
        new DnsList("multi.uribl.com", DnsListKind.UriBlockList)
        {
            Rules = [Bit(2, 1.7, "URIBL_BLACK"), Bit(4, 1.084, "URIBL_GREY"), Bit(8, 0.001, "URIBL_RED")],
            // 127.0.0.1 (bit 1): the query was refused because the resolver is blocked for volume or public use.
            ErrorCodes = [Code("127.0.0.1")],
            QueriesIpAddresses = false,
            // URIBL and SURBL key on the domain cut at their published two- and three-level TLD lists (which SpamAssassin
            // ships as util_rb_2tld/util_rb_3tld), not at the Public Suffix List's private section.
            DomainForm = DomainQueryForm.RegistryBoundaries,
            // URIBL's documented test point answers with every bit (127.0.0.14); from memory, hence approximate.
            ProbePoints = [new("test.uribl.com", ExpectListed: true), new("invalid", ExpectListed: false)],
        },
        "Bits of 127.0.0.N: 2 black (spam domains), 4 grey (bulk senders), 8 red (single-user reports); 127.0.0.1 means " +
        "the query was refused (your resolver is blocked: too many queries or a public resolver).",
        "Free for low volume through your own resolver; heavy users are refused (127.0.0.1) and need a paid data feed.",
        "SpamAssassin rules/50_scores.cf score set 1: URIBL_BLACK 1.7, URIBL_GREY 1.084, URIBL_RED 0.001.",
        new Uri("https://www.uribl.com/"));

    private static CatalogueEntry CreateSurbl() => new(
        "surbl-multi",
        new DnsList("multi.surbl.org", DnsListKind.UriBlockList)
        {
            Rules =
            [
                Bit(8, 0.61, "SURBL_PH"),
                Bit(16, 1.263, "SURBL_MW"),
                Bit(64, 1.948, "SURBL_ABUSE"),
                Bit(128, 1.263, "SURBL_CR"),
            ],
            QueriesIpAddresses = true,
            DomainForm = DomainQueryForm.RegistryBoundaries, // as URIBL's, above
            // SURBL's documented test domain answers with every bit set; from memory, hence approximate.
            ProbePoints = [new("test.surbl.org", ExpectListed: true), new("invalid", ExpectListed: false)],
        },
        "Bits of 127.0.0.N: 8 PH (phishing), 16 MW (malware), 64 ABUSE (spam and abuse), 128 CR (cracked sites). Legacy " +
        "bits no longer published: 2 SC (SpamCop URIs), 4 WS (sa-blacklist), 32 AB (AbuseButler). IP links are listed too (reversed).",
        "Free for small systems (SURBL states roughly under 1,000 users or 250,000 messages a day; approximate); larger " +
        "or commercial use needs a paid data feed.",
        "SpamAssassin rules/50_scores.cf: URIBL_ABUSE_SURBL 1.948 and URIBL_MW_SURBL/URIBL_CR_SURBL 1.263 (score set 1); " +
        "URIBL_PH_SURBL 0.61 is score set 3 because set 1 gives a placeholder 0.001.",
        new Uri("https://www.surbl.org/"));
}

using Dnsbl.Client.Lists;
using static Dnsbl.Client.Catalogue.CatalogueRules;

namespace Dnsbl.Client.Catalogue;

public static partial class DnsblCatalogue
{
    private static CatalogueEntry CreateMailspikeBlock() => new(
        "mailspike-bl",
        new DnsList("bl.mailspike.net", DnsListKind.IpBlockList)
        {
            Relays = RelaySelection.LastExternal, // 20_mailspike.cf: mspikeb-lastexternal
            Rules =
            [
                Rule("127.0.0.2", 2.7, "MSPIKE_ZBI"),
                Rule("127.0.0.10", 2.5, "MSPIKE_L5"),
                Rule("127.0.0.11", 1.7, "MSPIKE_L4"),
                Rule("127.0.0.12", 0.9, "MSPIKE_L3"),
                Rule("127.0.0.13", 0.1, "MSPIKE_L2"),
                Rule("127.0.0.14", 0.001, "MSPIKE_L1"),
            ],
        },
        "127.0.0.2: took part in a current spam wave; 127.0.0.10-14: reputation L5 (very bad) to L1 (neutral-low).",
        "Free for low-volume and non-commercial use; commercial and high-volume use by agreement with the operator.",
        "SpamAssassin rules/50_scores.cf: RCVD_IN_MSPIKE_ZBI 2.7, L5 2.5, L4 1.7, L3 0.9. L2 (.13) and L1 (.14) have no " +
        "SpamAssassin score: 0.1 and 0.001 are our approximations (informational).",
        new Uri("https://www.mailspike.org/"));

    private static CatalogueEntry CreateMailspikeAllow() => new(
        "mailspike-wl",
        new DnsList("wl.mailspike.net", DnsListKind.IpAllowList)
        {
            Relays = RelaySelection.FirstTrusted, // 20_mailspike.cf: mspikeg-firsttrusted
            Rules =
            [
                Rule("127.0.0.16", -0.001, "MSPIKE_H1"),
                Rule("127.0.0.17", -0.001, "MSPIKE_H2"),
                Rule("127.0.0.18", -0.01, "MSPIKE_H3"),
                Rule("127.0.0.19", -0.01, "MSPIKE_H4"),
                Rule("127.0.0.20", -1.0, "MSPIKE_H5"),
            ],
        },
        "127.0.0.16-20: reputation H1 to H5 (excellent). The meaning of .16 as H1 is from memory (SpamAssassin names .17-.20 only).",
        "Free for low-volume and non-commercial use; commercial and high-volume use by agreement with the operator.",
        "SpamAssassin rules/50_scores.cf: RCVD_IN_MSPIKE_H3 -0.01, H4 -0.01, H5 -1.0 (SpamAssassin keeps these low on " +
        "purpose). H2 and H1 have no SpamAssassin score: -0.001 is our approximation.",
        new Uri("https://www.mailspike.org/"));

    private static CatalogueEntry CreateDnswl() => new(
        "dnswl",
        new DnsList("list.dnswl.org", DnsListKind.IpAllowList)
        {
            Relays = RelaySelection.FirstTrusted, // 25_dnswl.cf: dnswl-firsttrusted
            Rules =
            [
                Rule("127.0.[0..255].0", -0.0001, "DNSWL_NONE"),
                Rule("127.0.[0..255].1", -0.7, "DNSWL_LOW"),
                Rule("127.0.[0..255].2", -2.3, "DNSWL_MED"),
                Rule("127.0.[0..255].3", -5, "DNSWL_HI"),
            ],
            // 127.0.0.255: the querying resolver is blocked for excessive use (SpamAssassin's RCVD_IN_DNSWL_BLOCKED).
            ErrorCodes = [Code("127.0.0.255")],
        },
        "127.0.X.Y: X is the sender's category (2 financial, 3 email service providers, 4 organisations, 5 service and " +
        "network providers, 6 personal, 7 travel, 8 public sector, 9 media, 10 special, 11 education, 12 IT, 13 retail, " +
        "14 manufacturing... from memory), Y the trust level 0 (none) to 3 (high). 127.0.0.255: query refused (over the limit).",
        "Free below about 100,000 queries a day (SpamAssassin's note in 50_scores.cf); above that a paid subscription. " +
        "Abusive resolvers get 127.0.0.255.",
        "SpamAssassin rules/50_scores.cf: RCVD_IN_DNSWL_NONE -0.0001, LOW -0.7, MED -2.3, HI -5.",
        new Uri("https://www.dnswl.org/"));
}

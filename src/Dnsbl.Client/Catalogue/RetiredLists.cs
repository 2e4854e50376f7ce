using System.Collections.Frozen;

namespace Dnsbl.Client.Catalogue;

/// <summary>Lists known to be shut down, by catalogue-style name and by zone, with the reason.</summary>
internal static class RetiredLists
{
    private const string Sorbs = "SORBS was shut down by its owner Proofpoint in 2024; its zones must not be queried.";
    private const string Ahbl =
        "AHBL ended its public DNSBL in 2015 and its zones then answered 'listed' for every query.";
    private const string Njabl = "NJABL was shut down in 2013.";
    private const string Dsbl = "DSBL was shut down in 2009.";
    private const string RfcIgnorant = "rfc-ignorant.org stopped operating around 2012 (approximate year).";
    private const string Osirusoft =
        "relays.osirusoft.com was shut down in 2003 and later answered 'listed' for every query.";

    public static readonly FrozenDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["sorbs"] = Sorbs,
        ["dnsbl.sorbs.net"] = Sorbs,
        ["spam.dnsbl.sorbs.net"] = Sorbs,
        ["dul.dnsbl.sorbs.net"] = Sorbs,
        ["rhsbl.sorbs.net"] = Sorbs,
        ["ahbl"] = Ahbl,
        ["dnsbl.ahbl.org"] = Ahbl,
        ["rhsbl.ahbl.org"] = Ahbl,
        ["njabl"] = Njabl,
        ["dnsbl.njabl.org"] = Njabl,
        ["combined.njabl.org"] = Njabl,
        ["dsbl"] = Dsbl,
        ["list.dsbl.org"] = Dsbl,
        ["multihop.dsbl.org"] = Dsbl,
        ["rfc-ignorant"] = RfcIgnorant,
        ["dsn.rfc-ignorant.org"] = RfcIgnorant,
        ["osirusoft"] = Osirusoft,
        ["relays.osirusoft.com"] = Osirusoft,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
}

using Dnsbl.Client.Lists;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// Weights for the demo zones, written in postscreen syntax so the demo also shows how lists are configured:
/// a block list whose codes weigh differently, an allow list with a negative weight and a domain list.
/// </summary>
internal static class DemoLists
{
    private static readonly Dictionary<string, string> SitesByZone = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bl.demo.test"] = "bl.demo.test=127.0.0.2*3 bl.demo.test=127.0.0.4*2 bl.demo.test=127.0.0.3*1.5 bl.demo.test=127.0.0.10*1",
        ["wl.demo.test"] = "wl.demo.test=127.0.10.[1..3]*-2",
        ["dbl.demo.test"] = "dbl.demo.test=127.0.1.2*3 dbl.demo.test=127.0.1.4*4",
    };

    /// <summary>The demo lists with weighted rules; a zone without configured weights keeps the manifest's defaults.</summary>
    public static IEnumerable<DnsList> From(IReadOnlyList<DnsList> demoLists)
    {
        foreach (var list in demoLists)
        {
            if (!SitesByZone.TryGetValue(list.Zone, out var sites))
            {
                yield return list;
                continue;
            }

            var weighted = DnsList.Parse(sites, list.Kind);
            yield return new DnsList(list.Zone, list.Kind) { Rules = weighted.Rules, FetchText = list.FetchText };
        }
    }
}

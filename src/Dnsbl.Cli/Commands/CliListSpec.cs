using Dnsbl.Client.Lists;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// A --list value: postscreen syntax with an optional kind prefix (<c>ip:</c>, <c>domain:</c>, <c>uri:</c>).
/// Specs of one kind naming the same zone merge into one list with several rules, as postscreen does.
/// </summary>
internal static class CliListSpec
{
    public static IReadOnlyList<DnsList> ParseAll(IEnumerable<string> specs)
    {
        var byKind = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var (prefix, site) = SplitPrefix(spec);
            if (!byKind.TryGetValue(prefix, out var sites))
            {
                byKind[prefix] = sites = [];
            }

            sites.Add(site);
        }

        var lists = new List<DnsList>();
        foreach (var (prefix, sites) in byKind)
        {
            try
            {
                lists.AddRange(DnsList.ParseSites(string.Join(',', sites), KindOf(prefix)));
            }
            catch (FormatException invalid)
            {
                throw new CliUsageException($"--list: {invalid.Message}");
            }
        }

        return lists;
    }

    private static (string Prefix, string Site) SplitPrefix(string spec)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && spec[..colon] is "ip" or "domain" or "uri")
        {
            return (spec[..colon], spec[(colon + 1)..]);
        }

        return ("ip", spec);
    }

    private static DnsListKind KindOf(string prefix) => prefix switch
    {
        "domain" => DnsListKind.DomainBlockList,
        "uri" => DnsListKind.UriBlockList,
        _ => DnsListKind.IpBlockList,
    };
}

using Dnsbl.Client.Catalogue;
using Dnsbl.Client.Lists;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// A --list value: postscreen syntax with an optional kind prefix (<c>ip:</c>, <c>domain:</c>, <c>uri:</c>), or a
/// catalogue name. Specs of one kind naming the same zone merge into one list with several rules, as postscreen does.
/// </summary>
/// <remarks>
/// A spec without a dot is a catalogue name (<c>spamhaus-zen</c>, <c>domain:spamhaus-dbl</c>): zones always hold a dot,
/// so the two never clash. A catalogue list keeps its own kind, rules and weights; a prefix, when given, must agree
/// with it (<c>ip:</c> for IP lists, <c>domain:</c> or <c>uri:</c> for the others). Retired lists (<c>sorbs</c>, <c>dnsbl.sorbs.net</c>...) are refused with the reason, by name or zone.
/// </remarks>
internal static class CliListSpec
{
    public static IReadOnlyList<DnsList> ParseAll(IEnumerable<string> specs)
    {
        var byKind = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var lists = new List<DnsList>();
        foreach (var spec in specs)
        {
            var (prefix, site) = SplitPrefix(spec);
            var zone = ZoneOf(site);
            if (DnsblCatalogue.IsRetired(zone, out var reason))
            {
                throw new CliUsageException($"--list {spec}: {reason}");
            }

            if (!zone.Contains('.', StringComparison.Ordinal))
            {
                lists.Add(FromCatalogue(spec, prefix, site));
                continue;
            }

            prefix ??= "ip";
            if (!byKind.TryGetValue(prefix, out var sites))
            {
                byKind[prefix] = sites = [];
            }

            sites.Add(site);
        }

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

    private static DnsList FromCatalogue(string spec, string? prefix, string name)
    {
        if (name.Length == 0)
        {
            throw new CliUsageException($"--list {spec}: give a zone (bl.example.org) or a catalogue name (spamhaus-zen).");
        }

        if (name.AsSpan().IndexOfAny('=', '*') >= 0)
        {
            throw new CliUsageException(
                $"--list {spec}: a catalogue list carries its own return-code rules and weights; give the name alone, or the zone with postscreen syntax.");
        }

        if (!DnsblCatalogue.TryGetEntry(name, out var entry))
        {
            throw new CliUsageException(
                $"--list {spec}: '{name}' is not a zone (no dot) nor a catalogue name; known names: {string.Join(", ", DnsblCatalogue.Entries.Select(e => e.Name))}.");
        }

        if (prefix is not null && !Agrees(prefix, entry.List.Kind))
        {
            throw new CliUsageException($"--list {spec}: {entry.Name} is a {entry.List.Kind}; drop the {prefix}: prefix (catalogue lists carry their kind).");
        }

        return entry.List;
    }

    private static string ZoneOf(string site)
    {
        var end = site.AsSpan().IndexOfAny('=', '*');
        return (end < 0 ? site : site[..end]).Trim();
    }

    private static (string? Prefix, string Site) SplitPrefix(string spec)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && spec[..colon] is "ip" or "domain" or "uri")
        {
            return (spec[..colon], spec[(colon + 1)..]);
        }

        return (null, spec);
    }

    private static bool Agrees(string prefix, DnsListKind kind) => prefix switch
    {
        "ip" => kind is DnsListKind.IpBlockList or DnsListKind.IpAllowList,
        _ => kind is not (DnsListKind.IpBlockList or DnsListKind.IpAllowList), // domain: and uri: lists are both asked about domains
    };

    private static DnsListKind KindOf(string prefix) => prefix switch
    {
        "domain" => DnsListKind.DomainBlockList,
        "uri" => DnsListKind.UriBlockList,
        _ => DnsListKind.IpBlockList,
    };
}

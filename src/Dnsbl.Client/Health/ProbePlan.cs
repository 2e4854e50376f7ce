using System.Net;
using System.Net.Sockets;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Health;

/// <summary>
/// Which test points a list is probed with. The defaults follow RFC 5782 §5: IPv4 lists must list 127.0.0.2 and must not
/// list 127.0.0.1; IPv6 lists (only when <see cref="DnsblHealthOptions.ProbeIpv6"/> is set) the same as
/// <c>::FFFF:7F00:2</c> / <c>::FFFF:7F00:1</c>; domain and URI lists must list <c>test</c> and must not list <c>invalid</c>.
/// Domain lists are also asked a fresh random name each round, which must not be listed (catches wildcard zones).
/// <see cref="DnsList.ProbePoints"/> replaces the defaults (the random name stays for domain lists).
/// </summary>
internal static class ProbePlan
{
    internal const int RandomLabelLength = 12;

    private static readonly ProbePoint[] Ipv4Defaults = [new("127.0.0.2", ExpectListed: true), new("127.0.0.1", ExpectListed: false)];
    private static readonly ProbePoint[] Ipv6Defaults = [new("::ffff:7f00:2", ExpectListed: true), new("::ffff:7f00:1", ExpectListed: false)];
    private static readonly ProbePoint[] DomainDefaults = [new("test", ExpectListed: true), new("invalid", ExpectListed: false)];

    public static IReadOnlyList<PlannedProbe> For(DnsList list, DnsblHealthOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(list);
        var planned = new List<PlannedProbe>();
        foreach (var point in PointsOf(list, options))
        {
            planned.Add(new PlannedProbe(point.Key, QueryNameOf(list, point.Key), point.ExpectListed));
        }

        if (!list.AsksOnlyAddresses)
        {
            var label = RandomLabel(random);
            planned.Add(new PlannedProbe(label, QueryNameBuilder.ForDomain(label, list.Zone), ExpectListed: false));
        }

        return planned;
    }

    /// <summary>Checks a list's probe points up front so a bad configuration fails at startup, naming the list and the key.</summary>
    public static void Validate(DnsList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (list.ProbePoints is null)
        {
            return;
        }

        foreach (var point in list.ProbePoints)
        {
            if (point is null || string.IsNullOrWhiteSpace(point.Key))
            {
                throw new ArgumentException($"List '{list.Name}' has an empty probe point.", nameof(list));
            }

            if (list.AsksOnlyAddresses && !IPAddress.TryParse(point.Key, out _))
            {
                throw new ArgumentException($"List '{list.Name}' is an IP list but its probe point '{point.Key}' is not an IP address.", nameof(list));
            }
        }
    }

    private static IEnumerable<ProbePoint> PointsOf(DnsList list, DnsblHealthOptions options)
    {
        if (list.ProbePoints is { } overrides)
        {
            return overrides;
        }

        if (!list.AsksOnlyAddresses)
        {
            return DomainDefaults;
        }

        return options.ProbeIpv6 ? [.. Ipv4Defaults, .. Ipv6Defaults] : Ipv4Defaults;
    }

    private static string QueryNameOf(DnsList list, string key)
    {
        if (!list.AsksOnlyAddresses)
        {
            return QueryNameBuilder.ForDomain(key, list.Zone);
        }

        var address = IPAddress.Parse(key);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return QueryNameBuilder.ForAddress(address, list.Zone);
        }

        // RFC 5782 §5: IPv6 test points (::FFFF:7F00:2) are asked as 32 nibbles, not as the IPv4 address they map.
        Span<char> name = stackalloc char[DomainName.MaxLength];
        return QueryNameBuilder.TryWriteIPv6(address.GetAddressBytes(), list.Zone, name, out var written)
            ? new string(name[..written])
            : throw new ArgumentException($"The probe name for {key} under '{list.Zone}' is too long.", nameof(list));
    }

    private static string RandomLabel(Random random)
    {
        Span<char> label = stackalloc char[RandomLabelLength];
        for (var i = 0; i < label.Length; i++)
        {
            label[i] = (char)('a' + random.Next(26));
        }

        return new string(label);
    }
}

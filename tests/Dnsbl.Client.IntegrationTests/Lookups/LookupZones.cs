using Dnsbl.Client.IntegrationTests.Infrastructure;

namespace Dnsbl.Client.IntegrationTests.Lookups;

/// <summary>
/// The zones the lookup tests query: an IPv4 + IPv6 block list (bl.test) and a domain list (dbl.test), each with an SOA
/// whose minimum (5 minutes) is the negative TTL. No $NS lines: the health probes of the CLI then judge test points only.
/// </summary>
internal static class LookupZones
{
    public const string BlockZone = "bl.test";
    public const string DomainZone = "dbl.test";

    private const string Soa = "$SOA 1h ns.lookup.test hostmaster.lookup.test 1 2h 30m 1w 5m";

    public static readonly IReadOnlyList<RbldnsdZone> All =
    [
        new(BlockZone, "ip4set", "bl.ip4set", $"""
            {Soa}
            :127.0.0.2:Listed: $
            127.0.0.2
            127.0.0.2 :127.0.0.4:Exploited $
            !127.0.0.1
            192.0.2.0/24 :127.0.0.10:Policy block $
            """),
        new(BlockZone, "ip6trie", "bl.ip6trie", """
            :127.0.0.2:Listed v6: $
            ::ffff:7f00:2
            2001:db8::/32 :127.0.0.3:Documentation v6 $
            """),
        new(DomainZone, "dnset", "dbl.dnset", $"""
            {Soa}
            :127.0.1.2:Domain $ listed
            test
            .spam.example :127.0.1.2:Spam domain $
            """),
    ];

    public static Task<RbldnsdServer> StartAsync() => RbldnsdServer.StartAsync(All, CancellationToken.None);
}

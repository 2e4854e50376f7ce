using Dnsbl.Client.IntegrationTests.Infrastructure;

namespace Dnsbl.Client.IntegrationTests.Health;

/// <summary>
/// One rbldnsd serving a zone for every health state. Nameserver names live in the generic zone names.test: ns has a
/// loopback address, gone1/gone2 have documentation addresses (192.0.2.x) that are only ever read, never sent to.
/// </summary>
internal static class HealthZones
{
    public const string Healthy = "ok.test";
    public const string HealthyWithoutNs = "plain.test";
    public const string ListsEverything = "all.test";
    public const string Empty = "empty.test";
    public const string Refusing = "refuse.test";
    public const string RetiredNameservers = "retired.test";
    public const string Vanished = "gone.ok.test";
    public const string Unserved = "nowhere.test";

    private const string Soa = "$SOA 1h ns.names.test hostmaster.names.test 1 2h 30m 1w 5m";

    public const string HealthyData = $"""
        {Soa}
        $NS 1h ns.names.test
        :127.0.0.2:Listed $
        127.0.0.2
        !127.0.0.1
        """;

    public const string EverythingData = $"""
        {Soa}
        :127.0.0.2:Everything is listed
        0.0.0.0/1
        128.0.0.0/1
        """;

    public static readonly IReadOnlyList<RbldnsdZone> All =
    [
        new("names.test", "generic", "names.generic", """
            ns A 127.0.0.1
            gone1 A 192.0.2.53
            gone2 A 192.0.2.54
            """),
        new(Healthy, "ip4set", "ok.ip4set", HealthyData),
        new(HealthyWithoutNs, "ip4set", "plain.ip4set", $"""
            {Soa}
            127.0.0.2
            """),
        new(ListsEverything, "ip4set", "all.ip4set", EverythingData),
        new(Empty, "ip4set", "empty.ip4set", $"""
            {Soa}
            10.20.30.40
            """),
        new(Refusing, "ip4set", "refuse.ip4set", $"""
            {Soa}
            :127.255.255.254:Queries through public resolvers are refused
            0.0.0.0/1
            128.0.0.0/1
            """),
        new(RetiredNameservers, "ip4set", "retired.ip4set", $"""
            {Soa}
            $NS 1h gone1.names.test gone2.names.test
            127.0.0.2
            """),
    ];

    /// <summary>Every zone the health tests judge, including the two rbldnsd does not hold as a zone.</summary>
    public static readonly string[] ListZones = [Healthy, HealthyWithoutNs, ListsEverything, Empty, Refusing, RetiredNameservers, Vanished, Unserved];

    public static Task<RbldnsdServer> StartAsync() => RbldnsdServer.StartAsync(All, CancellationToken.None);
}

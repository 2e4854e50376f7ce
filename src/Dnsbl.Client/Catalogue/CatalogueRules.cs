using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Catalogue;

/// <summary>Short helpers that keep the catalogue's data tables readable.</summary>
internal static class CatalogueRules
{
    /// <summary>A named rule from postscreen filter text.</summary>
    public static ReturnCodeRule Rule(string filter, double weight, string name) =>
        new(ReturnCodeFilter.Parse(filter), weight) { Name = name };

    /// <summary>A named rule matching any code with a bit of <paramref name="mask"/> set (multi-list style).</summary>
    public static ReturnCodeRule Bit(uint mask, double weight, string name) =>
        new(ReturnCodeFilter.AnyBits(mask), weight) { Name = name };

    public static ReturnCodeFilter Code(string filter) => ReturnCodeFilter.Parse(filter);

    /// <summary>Spamhaus' refusal codes: 127.255.255.252 bad DQS key or wrong zone, .254 public resolver, .255 excessive queries.</summary>
    public static readonly IReadOnlyList<ReturnCodeFilter> SpamhausErrors =
    [
        Code("127.255.255.252"),
        Code("127.255.255.254"),
        Code("127.255.255.255"),
    ];

    /// <summary>RFC 5782 §5 IPv4 probe points, for lists whose test points are the defaults but stated for clarity.</summary>
    public static readonly IReadOnlyList<ProbePoint> Rfc5782IpPoints =
    [
        new("127.0.0.2", ExpectListed: true),
        new("127.0.0.1", ExpectListed: false),
    ];
}

using System.Net.Sockets;
using System.Net;

namespace Dnsbl.Client.Net;

/// <summary>
/// Classifies IP addresses that must never be asked of a public DNS list: private, loopback, link-local, CGNAT,
/// documentation, multicast and reserved ranges (RFC 6890 special-purpose registries).
/// </summary>
internal static class AddressClassifier
{
    private static readonly IPNetwork[] DocumentationNetworks =
    [
        IPNetwork.Parse("192.0.2.0/24"),    // RFC 5737 TEST-NET-1
        IPNetwork.Parse("198.51.100.0/24"), // RFC 5737 TEST-NET-2
        IPNetwork.Parse("203.0.113.0/24"),  // RFC 5737 TEST-NET-3
        IPNetwork.Parse("2001:db8::/32"),   // RFC 3849
    ];

    private static readonly IPNetwork[] NonPublicNetworks =
    [
        IPNetwork.Parse("0.0.0.0/8"),       // RFC 1122 "this network"
        IPNetwork.Parse("10.0.0.0/8"),      // RFC 1918
        IPNetwork.Parse("100.64.0.0/10"),   // RFC 6598 CGNAT
        IPNetwork.Parse("127.0.0.0/8"),     // loopback
        IPNetwork.Parse("169.254.0.0/16"),  // RFC 3927 link-local
        IPNetwork.Parse("172.16.0.0/12"),   // RFC 1918
        IPNetwork.Parse("192.0.0.0/24"),    // RFC 6890 IETF protocol assignments
        IPNetwork.Parse("192.168.0.0/16"),  // RFC 1918
        IPNetwork.Parse("198.18.0.0/15"),   // RFC 2544 benchmarking
        IPNetwork.Parse("224.0.0.0/4"),     // multicast
        IPNetwork.Parse("240.0.0.0/4"),     // reserved + broadcast
        IPNetwork.Parse("::/128"),          // unspecified
        IPNetwork.Parse("::1/128"),         // loopback
        IPNetwork.Parse("64:ff9b:1::/48"),  // RFC 8215 local-use translation
        IPNetwork.Parse("100::/64"),        // RFC 6666 discard-only
        IPNetwork.Parse("2001::/23"),       // RFC 2928 IETF protocol assignments (Teredo etc.)
        IPNetwork.Parse("fc00::/7"),        // RFC 4193 unique local
        IPNetwork.Parse("fe80::/10"),       // link-local
        IPNetwork.Parse("fec0::/10"),       // deprecated site-local
        IPNetwork.Parse("ff00::/8"),        // multicast
    ];

    /// <summary>Whether <paramref name="address"/> is in a documentation range (RFC 5737, RFC 3849).</summary>
    public static bool IsDocumentation(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Contains(DocumentationNetworks, Canonical(address));
    }

    /// <summary>
    /// Whether <paramref name="address"/> is private, loopback, link-local, CGNAT, documentation, multicast or otherwise
    /// reserved, i.e. never a meaningful key for a public DNS list.
    /// </summary>
    public static bool IsPrivateOrReserved(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var canonical = Canonical(address);
        if (canonical.AddressFamily == AddressFamily.InterNetworkV6 && !IsGlobalUnicastV6(canonical))
        {
            return true;
        }

        return Contains(NonPublicNetworks, canonical) || Contains(DocumentationNetworks, canonical);
    }

    /// <summary>Whether the address may be asked of a public list (the negation of <see cref="IsPrivateOrReserved"/>).</summary>
    public static bool IsPublic(IPAddress address) => !IsPrivateOrReserved(address);

    /// <summary>IPv4-mapped IPv6 addresses are judged (and queried) as the IPv4 address they carry.</summary>
    public static IPAddress Canonical(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    // Only 2000::/3 is allocated for global unicast (RFC 4291 §2.4); everything else is reserved or special.
    private static bool IsGlobalUnicastV6(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return (bytes[0] & 0xE0) == 0x20 || IsNat64WellKnown(bytes);
    }

    // 64:ff9b::/96 (RFC 6052) embeds a public IPv4 address; treat it as public unicast.
    private static bool IsNat64WellKnown(ReadOnlySpan<byte> bytes) =>
        bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes[4..12].IndexOfAnyExcept((byte)0) < 0;

    private static bool Contains(IPNetwork[] networks, IPAddress address)
    {
        foreach (var network in networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}

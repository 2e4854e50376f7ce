using System.Net;
using System.Net.Sockets;

namespace Dnsbl.Client.Health;

/// <summary>
/// Classifies nameserver addresses that mean "retired" (RFC 6471 §3: operators of dead lists point NS records at
/// documentation addresses). Addresses are only classified here, never contacted. The Messages folder has a similar
/// range classifier; the two can be merged.
/// </summary>
internal static class RetiredAddressRanges
{
    public static bool IsRetired(IPAddress address, bool loopbackIsRetired)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return bytes[0] == 0 // 0.0.0.0/8 "this network" (RFC 1122)
                || (bytes[0] == 127 && loopbackIsRetired)
                || (bytes[0] == 192 && bytes[1] == 0 && bytes[2] == 2) // TEST-NET-1 (RFC 5737)
                || (bytes[0] == 198 && bytes[1] == 51 && bytes[2] == 100) // TEST-NET-2
                || (bytes[0] == 203 && bytes[1] == 0 && bytes[2] == 113); // TEST-NET-3
        }

        return (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8) // 2001:db8::/32 (RFC 3849)
            || address.Equals(IPAddress.IPv6None)
            || (address.Equals(IPAddress.IPv6Loopback) && loopbackIsRetired);
    }
}

using System.Net.Sockets;
using System.Net;

namespace Dnsbl.Client.Health;

/// <summary>
/// Classifies nameserver addresses that mean "retired" (RFC 6471 §3: operators of dead lists point NS records at
/// documentation addresses). Addresses are only classified here, never contacted.
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

        if (Net.AddressClassifier.IsDocumentation(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var first = address.GetAddressBytes()[0];
            return first == 0 // 0.0.0.0/8 "this network" (RFC 1122)
                || (first == 127 && loopbackIsRetired);
        }

        return address.Equals(IPAddress.IPv6None) || (address.Equals(IPAddress.IPv6Loopback) && loopbackIsRetired);
    }
}

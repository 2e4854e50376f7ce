using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dnsbl.Client.Health;

/// <summary>
/// Builds probe query names: IPv4 reversed octets, IPv6 32 reversed nibbles (RFC 5782 §2.1, §2.4), domain + zone.
/// A stand-in for the Lists folder's query-name builder, kept small so it can be folded into it later.
/// </summary>
internal static class ProbeQueryNames
{
    public static string ForAddress(IPAddress address, string zone)
    {
        ArgumentNullException.ThrowIfNull(address);
        var bytes = address.GetAddressBytes();
        var builder = new StringBuilder(address.AddressFamily == AddressFamily.InterNetworkV6 ? 64 + zone.Length : 16 + zone.Length);
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                builder.Append(HexDigit(bytes[i] & 0xF)).Append('.').Append(HexDigit(bytes[i] >> 4)).Append('.');
            }
            else
            {
                builder.Append(bytes[i].ToString(CultureInfo.InvariantCulture)).Append('.');
            }
        }

        return builder.Append(zone).ToString();
    }

    public static string ForDomain(string domain, string zone) =>
        string.Concat(domain.Trim().TrimEnd('.').ToLowerInvariant(), ".", zone);

    private static char HexDigit(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}

using System.Net;
using System.Net.Sockets;

namespace Dnsbl.Client.Tests.Dns;

/// <summary>
/// A fact that needs the IPv6 loopback [::1]; skipped (with the reason) only on a machine that has none, so the IPv6
/// socket paths are tested wherever they can be.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class Ipv6LoopbackFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(CanBindIpv6Loopback);

    /// <summary>Sets <see cref="FactAttribute.Skip"/> when [::1] cannot be used.</summary>
    public Ipv6LoopbackFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = "This machine has no IPv6 loopback: Socket.OSSupportsIPv6 is false or binding [::1]:0 failed.";
        }
    }

    private static bool CanBindIpv6Loopback()
    {
        if (!Socket.OSSupportsIPv6)
        {
            return false;
        }

        try
        {
            using var probe = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
            probe.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

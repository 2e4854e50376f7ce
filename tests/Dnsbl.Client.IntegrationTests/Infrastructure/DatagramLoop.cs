using System.Net;
using System.Net.Sockets;

namespace Dnsbl.Client.IntegrationTests.Infrastructure;

/// <summary>The receive loop of the in-process fault servers: each datagram to a handler, until the socket is closed.</summary>
internal static class DatagramLoop
{
    /// <summary>Hands every datagram <paramref name="socket"/> receives (its bytes in a reused buffer, their length and sender) to <paramref name="onDatagram"/>; returns once the socket is closed.</summary>
    public static void ReceiveUntilClosed(Socket socket, Action<byte[], int, IPEndPoint> onDatagram)
    {
        var buffer = new byte[ushort.MaxValue];
        EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (true)
        {
            int length;
            try
            {
                length = socket.ReceiveFrom(buffer, ref any);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }

            onDatagram(buffer, length, (IPEndPoint)any);
        }
    }
}

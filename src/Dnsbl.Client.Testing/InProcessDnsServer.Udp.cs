using System.Net;
using System.Net.Sockets;

namespace Dnsbl.Client.Testing;

public sealed partial class InProcessDnsServer
{
    private Task ReceiveUdpAsync()
    {
        var buffer = new byte[ushort.MaxValue];
        return ServeUntilStoppedAsync(
            stopping => _udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), stopping),
            received =>
            {
                var packet = buffer[..received.ReceivedBytes];
                var remote = (IPEndPoint)received.RemoteEndPoint;
                Track(() => AnswerUdpAsync(packet, remote));
            });
    }

    private async Task AnswerUdpAsync(byte[] packet, IPEndPoint remote)
    {
        var stopping = _stopping.Token;
        try
        {
            var (bytes, fromOtherSocket) = await RespondAsync(packet, DnsServerTransport.Udp, remote).ConfigureAwait(false);
            if (bytes is null)
            {
                return;
            }

            if (fromOtherSocket)
            {
                using var other = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                other.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                await other.SendToAsync(bytes, SocketFlags.None, remote, stopping).ConfigureAwait(false);
            }
            else
            {
                await _udp.SendToAsync(bytes, SocketFlags.None, remote, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: held and delayed answers are abandoned.
        }
        catch (ObjectDisposedException) when (stopping.IsCancellationRequested)
        {
        }
        catch (SocketException)
        {
            // The client went away; nothing to answer.
        }
    }
}

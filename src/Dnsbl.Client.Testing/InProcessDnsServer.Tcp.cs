using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Dnsbl.Client.Testing;

public sealed partial class InProcessDnsServer
{
    private Task AcceptTcpAsync() =>
        ServeUntilStoppedAsync(stopping => _tcp!.AcceptAsync(stopping), client => Track(() => ServeTcpConnectionAsync(client)));

    /// <summary>Answers length-prefixed queries (RFC 1035 §4.2.2) one after another until the client closes.</summary>
    private async Task ServeTcpConnectionAsync(Socket client)
    {
        var stopping = _stopping.Token;
        var remote = (IPEndPoint)client.RemoteEndPoint!;
        await using var stream = new NetworkStream(client, ownsSocket: true);
        var prefix = new byte[2];
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await stream.ReadExactlyAsync(prefix, stopping).ConfigureAwait(false);
                var packet = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
                await stream.ReadExactlyAsync(packet, stopping).ConfigureAwait(false);
                var (bytes, _) = await RespondAsync(packet, DnsServerTransport.Tcp, remote).ConfigureAwait(false);
                if (bytes is null)
                {
                    continue;
                }

                var framed = new byte[bytes.Length + 2];
                BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)bytes.Length);
                bytes.CopyTo(framed, 2);
                await stream.WriteAsync(framed, stopping).ConfigureAwait(false);
            }
        }
        catch (EndOfStreamException)
        {
            // The client closed the connection.
        }
        catch (IOException)
        {
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (stopping.IsCancellationRequested)
        {
        }
    }
}

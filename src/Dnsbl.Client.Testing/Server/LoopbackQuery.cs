using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Testing.Server;

/// <summary>
/// A bare query tool for tests and fixtures (readiness polls, assertions on raw responses): one query written with
/// <see cref="DnsQueryWriter"/>, one reply read, no matching beyond the socket. Not the client's transport.
/// </summary>
internal static class LoopbackQuery
{
    /// <summary>Sends one UDP query and returns the first datagram received, or null on timeout.</summary>
    public static async Task<byte[]?> ExchangeUdpAsync(IPEndPoint server, DnsQuestion question, ushort id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0));
        var query = Query(question, id);
        await socket.SendToAsync(query, SocketFlags.None, server, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[ushort.MaxValue];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), deadline.Token).ConfigureAwait(false);
            return buffer[..received.ReceivedBytes];
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (SocketException)
        {
            // Connection refused (ICMP port unreachable): nobody listens yet.
            return null;
        }
    }

    /// <summary>Sends one TCP query and returns the response (without the length prefix).</summary>
    public static async Task<byte[]> ExchangeTcpAsync(IPEndPoint server, DnsQuestion question, ushort id, CancellationToken cancellationToken)
    {
        using var client = new TcpClient(server.AddressFamily);
        await client.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
        var stream = client.GetStream();
        var query = Query(question, id);
        var framed = new byte[query.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)query.Length);
        query.CopyTo(framed, 2);
        await stream.WriteAsync(framed, cancellationToken).ConfigureAwait(false);
        var prefix = new byte[2];
        await stream.ReadExactlyAsync(prefix, cancellationToken).ConfigureAwait(false);
        var response = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
        await stream.ReadExactlyAsync(response, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <summary>Parses a response, or throws naming the parse error (tests want a loud failure).</summary>
    public static DnsMessage Parse(byte[] response) =>
        DnsMessage.TryParse(response, out var message, out var error)
            ? message!
            : throw new InvalidDataException($"The response does not parse: {error}.");

    private static byte[] Query(DnsQuestion question, ushort id)
    {
        var buffer = new byte[DnsQueryWriter.MaxQueryLength];
        var length = DnsQueryWriter.Write(buffer, id, question);
        return buffer[..length];
    }
}

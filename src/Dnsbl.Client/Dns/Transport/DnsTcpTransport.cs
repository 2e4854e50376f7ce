using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// TCP exchanges (RFC 1035 §4.2.2, RFC 7766): one connection per exchange, a 2-octet length prefix, replies bounded by
/// that prefix to 64 KiB. Used after a UDP reply came back with TC=1, which is rare enough for a timer per exchange.
/// </summary>
internal sealed class DnsTcpTransport(TimeProvider time)
{
    private const int LengthPrefixSize = sizeof(ushort);

    /// <summary>One TCP exchange; see <see cref="IDnsTransport.ExchangeAsync"/>.</summary>
    public async ValueTask<DnsExchangeResult> ExchangeAsync(DnsQuestion question, IPEndPoint server, TimeSpan timeout, bool requireExactCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(LengthPrefixSize + DnsProtocolLimits.MaxMessageLength);
        try
        {
            using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(server, linked.Token).ConfigureAwait(false);
            await using var stream = new NetworkStream(socket, ownsSocket: false);

            ushort id = DnsQueryId.Next();
            int queryLength = DnsQueryWriter.Write(buffer.AsSpan(LengthPrefixSize), id, question);
            BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)queryLength);
            await stream.WriteAsync(buffer.AsMemory(0, LengthPrefixSize + queryLength), linked.Token).ConfigureAwait(false);

            await stream.ReadExactlyAsync(buffer.AsMemory(0, LengthPrefixSize), linked.Token).ConfigureAwait(false);
            int replyLength = BinaryPrimitives.ReadUInt16BigEndian(buffer);
            await stream.ReadExactlyAsync(buffer.AsMemory(0, replyLength), linked.Token).ConfigureAwait(false);
            return Accept(buffer.AsSpan(0, replyLength), id, question, requireExactCase, server);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DnsExchangeResult.TimedOut(usedTcp: true);
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return DnsExchangeResult.NetworkFailure($"TCP exchange with {server} failed: {exception.Message}", usedTcp: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static DnsExchangeResult Accept(ReadOnlySpan<byte> reply, ushort id, DnsQuestion question, bool requireExactCase, IPEndPoint server)
    {
        // On our own connection a mismatch cannot be a stray packet: the server broke the protocol.
        if (!DnsMessage.TryParse(reply, out var response, out var error))
        {
            return DnsExchangeResult.Malformed($"the TCP reply from {server} is malformed: {error}", usedTcp: true);
        }

        if (response!.Header.Id != id || !response.Header.IsResponse
            || response.Questions.Count != 1 || !response.Questions[0].Echoes(question))
        {
            return DnsExchangeResult.Malformed($"the TCP reply from {server} does not match the query", usedTcp: true);
        }

        if (requireExactCase && !response.Questions[0].Echoes(question, exactCase: true))
        {
            return DnsExchangeResult.Malformed($"the TCP reply from {server} does not echo the query name's letter case (0x20)", usedTcp: true);
        }

        return DnsExchangeResult.Answered(response, usedTcp: true);
    }
}

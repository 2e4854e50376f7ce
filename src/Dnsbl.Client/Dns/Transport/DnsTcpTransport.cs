using System.Buffers.Binary;
using System.Buffers;
using System.Net.Sockets;
using System.Net;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// TCP exchanges (RFC 1035 §4.2.2, RFC 7766): one connection per exchange and a 2-octet length prefix. Used after a UDP
/// reply came back with TC=1. At most <c>maxConnections</c> are open at once — a server that answers TC=1 to everything
/// (rate-limit "slip") must not make us open thousands — and connect, write and read all fit in the attempt's timeout,
/// including any wait for a connection slot (a line of at most sixteen times the connections).
/// </summary>
internal sealed class DnsTcpTransport(TimeProvider time, int maxConnections = DnsTransportConstants.MaxTcpConnections)
{
    private const int LengthPrefixSize = sizeof(ushort);

    private readonly QuerySlots _connections = new(maxConnections, maxWaiting: 16 * maxConnections);
    private int _open;

    /// <summary>Connections open now.</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>One TCP exchange; see <see cref="IDnsTransport.ExchangeAsync"/>.</summary>
    public async ValueTask<DnsExchangeResult> ExchangeAsync(DnsQuestion question, IPEndPoint server, TimeSpan timeout, bool requireExactCase, bool withEdns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            if (!await _connections.TakeAsync(linked.Token).ConfigureAwait(false))
            {
                return DnsExchangeResult.Overloaded($"too many TCP exchanges already wait for a connection to {server}", usedTcp: true);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DnsExchangeResult.TimedOut("no TCP connection slot came free within the attempt timeout", usedTcp: true);
        }

        Interlocked.Increment(ref _open);
        try
        {
            return await ConnectAndAskAsync(question, server, requireExactCase, withEdns, linked.Token).ConfigureAwait(false);
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
            Interlocked.Decrement(ref _open);
            _connections.Return();
        }
    }

    private static async Task<DnsExchangeResult> ConnectAndAskAsync(DnsQuestion question, IPEndPoint server, bool requireExactCase, bool withEdns, CancellationToken cancellationToken)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
        await using var stream = new NetworkStream(socket, ownsSocket: false);

        ushort id = DnsQueryId.Next();
        byte[] query = new byte[LengthPrefixSize + DnsQueryWriter.MaxQueryLength];
        int queryLength = DnsQueryWriter.Write(query.AsSpan(LengthPrefixSize), id, question, withEdns);
        BinaryPrimitives.WriteUInt16BigEndian(query, (ushort)queryLength);
        await stream.WriteAsync(query.AsMemory(0, LengthPrefixSize + queryLength), cancellationToken).ConfigureAwait(false);

        // The reply's own length prefix sizes the buffer: a 64 KiB buffer per exchange is rented only for a reply that big.
        await stream.ReadExactlyAsync(query.AsMemory(0, LengthPrefixSize), cancellationToken).ConfigureAwait(false);
        int replyLength = BinaryPrimitives.ReadUInt16BigEndian(query);
        byte[] reply = ArrayPool<byte>.Shared.Rent(Math.Max(replyLength, 1));
        try
        {
            await stream.ReadExactlyAsync(reply.AsMemory(0, replyLength), cancellationToken).ConfigureAwait(false);
            return Accept(reply.AsSpan(0, replyLength), id, question, requireExactCase, server);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(reply);
        }
    }

    private static DnsExchangeResult Accept(ReadOnlySpan<byte> reply, ushort id, DnsQuestion question, bool requireExactCase, IPEndPoint server)
    {
        // On our own connection a mismatch cannot be a stray packet: the server broke the protocol.
        if (!DnsMessage.TryParse(reply, out var response, out var error))
        {
            return DnsExchangeResult.Malformed($"the TCP reply from {server} is malformed: {error}", usedTcp: true);
        }

        if (response!.Header.Id != id || !response.Header.IsResponse || response.Header.Opcode != DnsOpcode.Query)
        {
            return DnsExchangeResult.Malformed($"the TCP reply from {server} does not match the query", usedTcp: true);
        }

        if (DnsReplyMatching.IsQuestionlessRejection(response))
        {
            return DnsExchangeResult.Answered(response, usedTcp: true);
        }

        if (response.Questions.Count != 1 || !response.Questions[0].Echoes(question))
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

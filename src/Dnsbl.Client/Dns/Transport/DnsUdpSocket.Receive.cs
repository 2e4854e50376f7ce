using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Dns.Transport;

internal sealed partial class DnsUdpSocket
{
    private async Task ReceiveLoopAsync()
    {
        await Task.Yield(); // the constructor returns before the first receive is posted
        byte[] buffer = ArrayPool<byte>.Shared.Rent(DnsTransportConstants.ReceiveBufferSize);
        EndPoint anySource = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (true)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, anySource).ConfigureAwait(false);
                }
                catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
                {
                    // An ICMP error for an earlier datagram (Windows) or an oversized datagram: not fatal for the others.
                    continue;
                }

                OnDatagram(buffer.AsSpan(0, received.ReceivedBytes), (IPEndPoint)received.RemoteEndPoint);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Close($"the UDP socket failed: {exception.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Accepts a datagram only if source, ID, QR bit and the echoed question all match a pending query — the question's
    /// letter case too when the query asked for it (0x20), so a wrongly cased forgery is dropped like any other and the
    /// real reply is still awaited.
    /// </summary>
    private void OnDatagram(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        if (!DnsMessageHeader.TryRead(datagram, out var header) || !header.IsResponse)
        {
            _statistics.CountMismatchedReply();
            return;
        }

        PendingDnsQuery? pending;
        short version;
        DnsQuestion question;
        bool exactCase;
        lock (_gate)
        {
            if (!_pending.TryGetValue(header.Id, out pending) || !pending.Server.Equals(source))
            {
                _statistics.CountMismatchedReply();
                return;
            }

            version = pending.Version;
            question = pending.Question;
            exactCase = pending.RequireExactCase;
        }

        DnsExchangeResult result;
        if (DnsMessage.TryParse(datagram, out var response, out var error))
        {
            if (response!.Questions.Count != 1 || !response.Questions[0].Echoes(question, exactCase))
            {
                _statistics.CountMismatchedReply();
                return;
            }

            result = DnsExchangeResult.Answered(response);
        }
        else if (EchoesQuestion(datagram, question, exactCase))
        {
            result = DnsExchangeResult.Malformed($"the reply from {source} is malformed: {error}");
        }
        else
        {
            // Garbage that cannot even show it belongs to this query may be an attack; keep waiting for the real reply.
            _statistics.CountMismatchedReply();
            return;
        }

        TryComplete(pending, version, result);
    }

    private static bool EchoesQuestion(ReadOnlySpan<byte> datagram, DnsQuestion question, bool exactCase)
    {
        var reader = new DnsMessageReader(datagram);
        return reader.TryReadHeader(out var header)
            && header.QuestionCount == 1
            && reader.TryReadQuestion(out var echoed)
            && echoed.Echoes(question, exactCase);
    }
}

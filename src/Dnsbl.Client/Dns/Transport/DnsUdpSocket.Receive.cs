using System.Net.Sockets;
using System.Net;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Dns.Transport;

internal sealed partial class DnsUdpSocket
{
    /// <summary>Test seam: runs before each datagram is handled, so a test can make handling throw. Null in production.</summary>
    internal Action? DatagramFault { get; set; }

    /// <summary>
    /// Reads up to <paramref name="budget"/> datagrams that are waiting now, without blocking: called by the receive
    /// thread when the wait said this socket is readable.
    /// </summary>
    public void Drain(byte[] buffer, SocketAddress source, int budget)
    {
        for (int read = 0; read < budget; read++)
        {
            int received;
            try
            {
                if (_socket.Available == 0)
                {
                    // Readable with nothing counted: a zero-length datagram (which would stay readable forever), or a
                    // datagram the kernel dropped after the wake (bad checksum) — where a blocking read would hang the
                    // thread that serves every port. Only the first read after a wake can meet this.
                    if (read == 0)
                    {
                        DiscardWithoutBlocking(buffer, source);
                    }

                    return;
                }

                received = _socket.ReceiveFrom(buffer, SocketFlags.None, source);
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                // An ICMP error for an earlier datagram (Windows) or an oversized datagram: not fatal for the others.
                continue;
            }
            catch (SocketException exception)
            {
                // This socket broke: its pending queries end as network errors, the pool opens a new one.
                Close($"the UDP socket failed: {exception.Message}");
                return;
            }
            catch (ObjectDisposedException)
            {
                return; // closed by a finalizer under the receive thread
            }

            try
            {
                DatagramFault?.Invoke();
                OnDatagram(buffer.AsSpan(0, received), source);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // No datagram may end the thread (an unhandled exception here ends the process): a bug met by one
                // reply costs that reply, which the query's timeout then covers.
                _statistics.CountReceiveFault();
            }
        }
    }

    private void DiscardWithoutBlocking(byte[] buffer, SocketAddress source)
    {
        // A send racing this moment could see "would block" only if the send buffer were full; both are rare, and that
        // query then fails as a network error like any failed send.
        _socket.Blocking = false;
        try
        {
            _socket.ReceiveFrom(buffer, SocketFlags.None, source);
            _statistics.CountMismatchedReply();
        }
        catch (SocketException)
        {
            // Nothing there after all, or an error the next read reports again.
        }
        finally
        {
            _socket.Blocking = true;
        }
    }

    /// <summary>
    /// Accepts a datagram only if source, ID, QR bit and the echoed question all match a pending query — the question's
    /// letter case too when the query asked for it (0x20), so a wrongly cased forgery is dropped like any other and the
    /// real reply is still awaited.
    /// </summary>
    private void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        // Only replies to standard queries: a reply with another opcode answers nothing we asked.
        if (!DnsMessageHeader.TryRead(datagram, out var header) || !header.IsResponse || header.Opcode != DnsOpcode.Query)
        {
            _statistics.CountMismatchedReply();
            return;
        }

        PendingDnsQuery? pending;
        short version;
        DnsQuestion question;
        bool exactCase;
        IPEndPoint server;
        lock (_gate)
        {
            if (!_pending.TryGetValue(header.Id, out pending) || !pending.ServerAddress.Equals(source))
            {
                _statistics.CountMismatchedReply();
                return;
            }

            version = pending.Version;
            question = pending.Question;
            exactCase = pending.RequireExactCase;
            server = pending.Server;
        }

        if (TryReadReply(datagram, question, exactCase, server, out var result))
        {
            TryComplete(pending, version, result);
        }
        else
        {
            _statistics.CountMismatchedReply();
        }
    }

    /// <summary>
    /// Reads a datagram whose header already matched a pending query: false when its question does not echo
    /// <paramref name="question"/> (a forgery or a stray reply, to be dropped while the real one is awaited), else the
    /// parsed reply, or a malformed result when the rest of it does not parse. A truncated reply (TC=1) whose remainder
    /// does not parse still sends the query to TCP: a cut-off reply need not parse, and TCP is where the answer is.
    /// </summary>
    internal static bool TryReadReply(ReadOnlySpan<byte> datagram, DnsQuestion question, bool exactCase, IPEndPoint server, out DnsExchangeResult result)
    {
        if (DnsMessage.TryParse(datagram, question.Name, out var response, out var error))
        {
            if (DnsReplyMatching.IsQuestionlessRejection(response!))
            {
                result = DnsExchangeResult.Answered(response!);
                return true;
            }

            if (response!.Questions.Count != 1 || !response.Questions[0].Echoes(question, exactCase))
            {
                result = default;
                return false;
            }

            result = DnsExchangeResult.Answered(response);
            return true;
        }

        if (EchoesQuestion(datagram, question, exactCase, out var header))
        {
            result = header.IsTruncated
                ? DnsExchangeResult.Answered(new DnsMessage { Header = header })
                : DnsExchangeResult.Malformed($"the reply from {server} is malformed: {error}");
            return true;
        }

        // Garbage that cannot even show it belongs to this query may be an attack; keep waiting for the real reply.
        result = default;
        return false;
    }

    private static bool EchoesQuestion(ReadOnlySpan<byte> datagram, DnsQuestion question, bool exactCase, out DnsMessageHeader header)
    {
        var reader = new DnsMessageReader(datagram, question.Name);
        return reader.TryReadHeader(out header)
            && header.QuestionCount == 1
            && reader.TryReadQuestion(out var echoed)
            && echoed.Echoes(question, exactCase);
    }
}

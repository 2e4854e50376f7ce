using System.Net.Sockets;
using System.Net;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Dns.Transport;

internal sealed partial class DnsUdpSocket
{
    // Receiving needs little stack: the parser is iterative and the largest buffer lives on the heap.
    private const int ReceiveThreadStackSize = 256 * 1024;

    private readonly TaskCompletionSource _receiveThreadExited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Test seam: runs before each datagram is handled, so a test can make handling throw. Null in production.</summary>
    internal Action? DatagramFault { get; set; }

    private void StartReceiveThread()
    {
        var thread = new Thread(static state => ((DnsUdpSocket)state!).ReceiveLoop(), ReceiveThreadStackSize)
        {
            IsBackground = true, // a forgotten client must not keep the process alive
            Name = "Dnsbl.Client UDP receive",
        };
        thread.UnsafeStart(this);
    }

    private void ReceiveLoop()
    {
        // Exactly one receive thread per socket, for the socket's whole life: a plain array outlives no one.
        var buffer = new byte[DnsTransportConstants.ReceiveBufferSize];
        var source = new SocketAddress(_socket.AddressFamily);
        try
        {
            while (true)
            {
                int received;
                try
                {
                    received = _socket.ReceiveFrom(buffer, SocketFlags.None, source);
                }
                catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
                {
                    // An ICMP error for an earlier datagram (Windows) or an oversized datagram: not fatal for the others.
                    continue;
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
        catch (Exception exception)
        {
            // Closing the socket interrupts the blocked receive; that is the normal way out. Any other failure of the
            // socket ends its pending queries as network errors, not the process.
            Close($"the UDP socket failed: {exception.Message}");
        }
        finally
        {
            _receiveThreadExited.TrySetResult();
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

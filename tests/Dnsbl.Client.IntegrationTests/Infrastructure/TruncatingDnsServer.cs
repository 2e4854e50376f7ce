using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.IntegrationTests.Infrastructure;

/// <summary>
/// A server on 127.0.0.1 that answers every UDP query with TC=1 (a resolver "slipping" under rate limits) and every TCP
/// query with "listed" (127.0.0.2), counting the TCP exchanges in service at once.
/// </summary>
internal sealed class TruncatingDnsServer : IAsyncDisposable
{
    private readonly Socket _udp = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 8 << 20 };
    private readonly TcpListener _tcp;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _udpLoop;
    private readonly Task _acceptLoop;
    private int _open;
    private int _mostOpen;
    private long _connections;

    public TruncatingDnsServer()
    {
        for (var attempt = 1; ; attempt++)
        {
            _udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _tcp = new TcpListener((IPEndPoint)_udp.LocalEndPoint!);
            try
            {
                _tcp.Start(backlog: 1024);
                break;
            }
            catch (SocketException) when (attempt < 20)
            {
                _udp.Dispose();
                _udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 8 << 20 };
            }
        }

        EndPoint = (IPEndPoint)_udp.LocalEndPoint!;
        _udpLoop = new Thread(TruncateEveryQuery) { IsBackground = true, Name = "TC server" };
        _udpLoop.Start();
        _acceptLoop = Task.Run(AcceptAsync);
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>The most TCP exchanges in service at once (accepted, reply not yet being written).</summary>
    public int MostOpenConnections => Volatile.Read(ref _mostOpen);

    /// <summary>TCP connections accepted.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        _tcp.Stop();
        _udpLoop.Join();
        await _acceptLoop.ContinueWith(static _ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private void TruncateEveryQuery() => DatagramLoop.ReceiveUntilClosed(_udp, (buffer, length, client) =>
    {
        if (!DnsMessage.TryParse(buffer.AsSpan(0, length), out var query, out _) || query!.Question is null)
        {
            return;
        }

        try
        {
            _udp.SendTo(DnsMessage.CreateResponse(query, DnsResponseCode.NoError, truncated: true).ToArray(), client);
        }
        catch (SocketException)
        {
            // A full buffer: lost, as on a network.
        }
    });

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _tcp.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            var open = Interlocked.Increment(ref _open);
            int most;
            while (open > (most = Volatile.Read(ref _mostOpen)) && Interlocked.CompareExchange(ref _mostOpen, open, most) != most)
            {
            }

            _ = ServeAsync(client);
        }
    }

    // Counted from accept until just before the reply is written: a window inside the client's own hold on its
    // connection slot (taken before connecting, given back after reading the reply), so the count can only exceed the
    // bound if the client's does.
    private async Task ServeAsync(TcpClient client)
    {
        var counted = true;
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var prefix = new byte[2];
                await stream.ReadExactlyAsync(prefix, _stop.Token);
                var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
                await stream.ReadExactlyAsync(message, _stop.Token);
                if (!DnsMessage.TryParse(message, out var query, out _) || query!.Question is not { } question)
                {
                    return;
                }

                var reply = DnsMessage.CreateResponse(query, DnsResponseCode.NoError, answers: [new DnsRecord(question.Name, DnsRecordType.A, 300) { Address = IPAddress.Parse("127.0.0.2") }]).ToArray();
                LeaveService(ref counted);
                BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)reply.Length);
                await stream.WriteAsync(prefix, _stop.Token);
                await stream.WriteAsync(reply, _stop.Token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or EndOfStreamException)
            {
                // The client gave up on the exchange, or the server stops.
            }
            finally
            {
                LeaveService(ref counted);
            }
        }
    }

    private void LeaveService(ref bool counted)
    {
        if (counted)
        {
            counted = false;
            Interlocked.Decrement(ref _open);
        }
    }
}

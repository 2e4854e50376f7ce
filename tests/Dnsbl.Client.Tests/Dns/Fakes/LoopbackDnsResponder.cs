using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Tests.Dns.Fakes;

/// <summary>
/// A tiny scripted DNS responder on 127.0.0.1, or [::1] when asked (UDP and TCP on the same random port). Each UDP query is handed to a
/// script that decides what to send back, from the right port or from another one.
/// </summary>
internal sealed class LoopbackDnsResponder : IAsyncDisposable
{
    private readonly Socket _udp;
    private readonly Socket _otherPort;
    private readonly TcpListener _tcp;
    private readonly Action<ResponderExchange> _onUdpQuery;
    private readonly Func<DnsMessage, DnsMessage>? _onTcpQuery;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstQuery = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _udpLoop;
    private readonly Task _tcpLoop;
    private int _udpQueries;
    private int _tcpQueries;

    private LoopbackDnsResponder(Action<ResponderExchange> onUdpQuery, Func<DnsMessage, DnsMessage>? onTcpQuery, IPAddress loopback)
    {
        _onUdpQuery = onUdpQuery;
        _onTcpQuery = onTcpQuery;
        (_udp, _tcp) = BindUdpAndTcpOnOnePort(loopback);
        _otherPort = new Socket(loopback.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _otherPort.Bind(new IPEndPoint(loopback, 0));
        EndPoint = (IPEndPoint)_udp.LocalEndPoint!;
        _udpLoop = Task.Run(ServeUdpAsync);
        _tcpLoop = Task.Run(ServeTcpAsync);
    }

    public IPEndPoint EndPoint { get; }

    // The OS picks a free UDP port; the same number may be taken for TCP (another test's connection), so try again.
    private static (Socket Udp, TcpListener Tcp) BindUdpAndTcpOnOnePort(IPAddress loopback)
    {
        for (var attempt = 1; ; attempt++)
        {
            var udp = new Socket(loopback.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 << 20 };
            udp.Bind(new IPEndPoint(loopback, 0));
            var tcp = new TcpListener((IPEndPoint)udp.LocalEndPoint!);
            try
            {
                tcp.Start();
                return (udp, tcp);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < 20)
            {
                udp.Dispose();
            }
        }
    }

    public int UdpQueries => Volatile.Read(ref _udpQueries);

    public int TcpQueries => Volatile.Read(ref _tcpQueries);

    /// <summary>Completes when the first UDP query has arrived (so the client has sent it).</summary>
    public Task FirstQueryReceived => _firstQuery.Task;

    /// <summary>Source ports the UDP queries came from.</summary>
    public ConcurrentDictionary<int, int> SourcePorts { get; } = new();

    /// <summary>Starts a responder on <paramref name="loopback"/> (127.0.0.1 by default; <see cref="IPAddress.IPv6Loopback"/> for [::1]).</summary>
    public static LoopbackDnsResponder Start(Action<ResponderExchange> onUdpQuery, Func<DnsMessage, DnsMessage>? onTcpQuery = null, IPAddress? loopback = null) =>
        new(onUdpQuery, onTcpQuery, loopback ?? IPAddress.Loopback);

    /// <summary>A responder that answers every A query with <paramref name="address"/>.</summary>
    public static LoopbackDnsResponder Answering(string address) =>
        Start(exchange => exchange.Reply(ResponderExchange.AnswerA(exchange.Query, address)));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        _otherPort.Dispose();
        _tcp.Stop();
        await Task.WhenAll(_udpLoop, _tcpLoop).ContinueWith(static _ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    internal void Send(byte[] datagram, IPEndPoint client, bool fromOtherPort) =>
        (fromOtherPort ? _otherPort : _udp).SendTo(datagram, client);

    private async Task ServeUdpAsync()
    {
        var buffer = new byte[65535];
        while (!_stop.IsCancellationRequested)
        {
            var received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0), _stop.Token);
            var client = (IPEndPoint)received.RemoteEndPoint;
            SourcePorts.TryAdd(client.Port, 0);
            Interlocked.Increment(ref _udpQueries);
            _firstQuery.TrySetResult();
            if (DnsMessage.TryParse(buffer.AsSpan(0, received.ReceivedBytes), out var query, out _))
            {
                _onUdpQuery(new ResponderExchange(query!, client, this));
            }
        }
    }

    private async Task ServeTcpAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _tcp.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _tcpQueries);
            var stream = client.GetStream();
            var prefix = new byte[2];
            await stream.ReadExactlyAsync(prefix, _stop.Token);
            var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
            await stream.ReadExactlyAsync(message, _stop.Token);
            if (_onTcpQuery is null || !DnsMessage.TryParse(message, out var query, out _))
            {
                continue;
            }

            byte[] reply = _onTcpQuery(query!).ToArray();
            BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)reply.Length);
            await stream.WriteAsync(prefix, _stop.Token);
            await stream.WriteAsync(reply, _stop.Token);
        }
    }
}

using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.IntegrationTests.Infrastructure;

/// <summary>
/// A UDP forwarder on 127.0.0.1 in front of a real server (rbldnsd): each query is forwarded, or dropped when
/// <c>drop</c> says so (a black-hole zone, injected loss). It learns the client's source ports and can send datagrams
/// to them from its own address, as an attacker spoofing the server would. Loopback only; two threads, stopped by Dispose.
/// </summary>
internal sealed class DnsFaultProxy : IDisposable
{
    private readonly Socket _listen = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 8 << 20, SendBufferSize = 8 << 20 };
    private readonly Socket _upstream = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 8 << 20, SendBufferSize = 8 << 20 };
    private readonly IPEndPoint _server;
    private readonly Func<DnsWireQuestion, bool> _drop;

    // Forwarded queries by the ID the proxy gave them: the client's own ID and address, restored on the reply.
    private readonly Forwarded?[] _forwarded = new Forwarded?[ushort.MaxValue + 1];
    private readonly Thread _fromClients;
    private readonly Thread _fromServer;
    private readonly TaskCompletionSource<int> _firstPort = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;
    private long _queries;
    private long _dropped;

    /// <summary>Forwards to <paramref name="server"/>, dropping each query for which <paramref name="drop"/> is true.</summary>
    public DnsFaultProxy(IPEndPoint server, Func<DnsWireQuestion, bool> drop)
    {
        _server = server;
        _drop = drop;
        _listen.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _upstream.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_listen.LocalEndPoint!;
        UpstreamPort = ((IPEndPoint)_upstream.LocalEndPoint!).Port;
        _fromClients = new Thread(ForwardQueries) { IsBackground = true, Name = "proxy queries" };
        _fromServer = new Thread(ForwardReplies) { IsBackground = true, Name = "proxy replies" };
        _fromClients.Start();
        _fromServer.Start();
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>The port the proxy forwards from and receives the server's replies on.</summary>
    public int UpstreamPort { get; }

    /// <summary>Queries received from clients.</summary>
    public long Queries => Interlocked.Read(ref _queries);

    /// <summary>Queries dropped.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The client's source ports seen so far, with the queries from each.</summary>
    public ConcurrentDictionary<int, int> ClientPorts { get; } = new();

    /// <summary>Completes with the first client source port seen: what an attacker learns from one query.</summary>
    public Task<int> FirstPortLearned => _firstPort.Task;

    /// <summary>Sends <paramref name="datagram"/> to the client port <paramref name="port"/> from the proxy's (the server's) address.</summary>
    public void SendAsServer(ReadOnlySpan<byte> datagram, int port) => _listen.SendTo(datagram, SocketFlags.None, new IPEndPoint(IPAddress.Loopback, port));

    public void Dispose()
    {
        _listen.Dispose();
        _upstream.Dispose();
        _fromClients.Join();
        _fromServer.Join();
    }

    private void ForwardQueries() => DatagramLoop.ReceiveUntilClosed(_listen, (buffer, length, client) =>
    {
        Interlocked.Increment(ref _queries);
        ClientPorts.AddOrUpdate(client.Port, 1, static (_, count) => count + 1);
        _firstPort.TrySetResult(client.Port);
        if (!DnsMessage.TryParse(buffer.AsSpan(0, length), out var query, out _) || query!.Question is not { } question || _drop(question))
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        var id = (ushort)Interlocked.Increment(ref _nextId);
        Volatile.Write(ref _forwarded[id], new Forwarded(BinaryPrimitives.ReadUInt16BigEndian(buffer), new IPEndPoint(client.Address, client.Port)));
        BinaryPrimitives.WriteUInt16BigEndian(buffer, id);
        TrySend(_upstream, buffer.AsSpan(0, length), _server);
    });

    private void ForwardReplies()
    {
        var buffer = new byte[ushort.MaxValue];
        while (true)
        {
            int length;
            try
            {
                length = _upstream.Receive(buffer);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }

            if (length < 2 || Volatile.Read(ref _forwarded[BinaryPrimitives.ReadUInt16BigEndian(buffer)]) is not { } forwarded)
            {
                continue;
            }

            BinaryPrimitives.WriteUInt16BigEndian(buffer, forwarded.Id);
            TrySend(_listen, buffer.AsSpan(0, length), forwarded.Client);
        }
    }

    private static void TrySend(Socket socket, ReadOnlySpan<byte> datagram, IPEndPoint to)
    {
        try
        {
            socket.SendTo(datagram, SocketFlags.None, to);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // A full buffer or a closed socket: the datagram is lost, as on a network.
        }
    }

    private sealed record Forwarded(ushort Id, IPEndPoint Client);
}

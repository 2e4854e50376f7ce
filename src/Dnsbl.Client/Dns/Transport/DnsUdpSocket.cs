using System.Net.Sockets;
using System.Net;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// One UDP socket on a random local port, shared by many queries in flight to any server of one address family.
/// Pending queries are keyed by a random ID unique on this socket. Callers send synchronously (a UDP send does not wait
/// for the network); the transport's one receive thread (<see cref="DnsUdpReceiver"/>) reads and matches replies
/// strictly; one timer sweeps timeouts. After <c>maxQueries</c> or <c>maxAge</c> it refuses new queries, drains the
/// pending ones, and closes.
/// </summary>
/// <remarks>
/// A blocking receive on a dedicated thread is what lets the sockets keep up with a local nameserver: an awaited receive
/// pays an epoll wake-up and a thread-pool hop per datagram whenever the queue runs dry, which at ~100k replies a
/// second cost two thirds of the rate (measured in benchmarks/README.md).
/// </remarks>
internal sealed partial class DnsUdpSocket : IDisposable
{
    private readonly Socket _socket;
    private readonly Dictionary<ushort, PendingDnsQuery> _pending = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly DnsTransportStatistics _statistics;
    private readonly DnsUdpReceiver _receiver;
    private readonly int _maxQueries;
    private readonly long _retireAt;
    private int _queriesStarted;
    private bool _retiring;
    private bool _closed;

    /// <summary>
    /// Opens a socket bound to port 0 (the OS picks a random port) and joins it to <paramref name="receiver"/>. Each query the socket
    /// registers holds a slot of its nameserver, taken by the caller; the socket releases it when the query leaves its
    /// table (reply, timeout, cancellation, close).
    /// </summary>
    /// <exception cref="SocketException">The socket cannot be opened or bound; nothing is left open.</exception>
    /// <exception cref="ObjectDisposedException">The receiver is stopping (its transport was disposed); nothing is left open.</exception>
    public DnsUdpSocket(AddressFamily family, TimeProvider time, DnsTransportStatistics statistics, int maxQueries, TimeSpan maxAge, DnsUdpReceiver receiver)
    {
        _time = time;
        _receiver = receiver;
        _statistics = statistics;
        _maxQueries = maxQueries;
        _retireAt = time.GetTimestamp() + (long)(maxAge.TotalSeconds * time.TimestampFrequency);
        _socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.ReceiveBufferSize = DnsTransportConstants.SocketReceiveBufferSize;
            _socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
            _sweepTimer = time.CreateTimer(static state => ((DnsUdpSocket)state!).SweepTimeouts(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            ObjectDisposedException.ThrowIf(!receiver.Join(this), receiver);
        }
        catch
        {
            // A failure after the socket exists (bind refused, no thread) must not leak its descriptor.
            _sweepTimer?.Dispose();
            _socket.Dispose();
            throw;
        }

        statistics.CountSocketOpened();
    }

    /// <summary>The socket itself, for the receiver's wait.</summary>
    public Socket Socket => _socket;

    /// <summary>The address family of the servers this socket talks to.</summary>
    public AddressFamily Family => _socket.AddressFamily;

    /// <summary>The local port the OS chose.</summary>
    public int LocalPort => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>True once the socket is closed (drained after retirement, failed, or disposed).</summary>
    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _closed;
            }
        }
    }

    /// <summary>Stops taking queries; closes as soon as the pending ones are done.</summary>
    public void Retire()
    {
        bool drained;
        lock (_gate)
        {
            _retiring = true;
            drained = _pending.Count == 0;
        }

        if (drained)
        {
            Close();
        }
    }

    /// <summary>Closes the socket at once, from a finalizer: no receiver turn is awaited, the descriptor goes now.</summary>
    public void Abandon()
    {
        Close("the transport was dropped without being disposed");
        DisposeSocket();
    }

    /// <summary>Ends the pending queries as network failures with <paramref name="reason"/> and closes.</summary>
    public void Fail(string reason) => Close(reason);

    /// <summary>Releases the descriptor; called by the receiver once the socket has left its wait.</summary>
    public void DisposeSocket() => _socket.Dispose();

    /// <inheritdoc/>
    public void Dispose() => Close();
}

using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// UDP exchanges over a pool of shared sockets per address family (<see cref="DnsTransportConstants.SocketsPerFamily"/>),
/// each query sent from one picked at random. Each socket is replaced by a fresh one (new random port) after
/// <see cref="DnsTransportConstants.MaxQueriesPerSocket"/> queries or <see cref="DnsTransportConstants.MaxSocketAge"/>,
/// whichever comes first; the old one drains its pending queries and closes.
/// At most <see cref="DnsTransportConstants.MaxQueriesInFlight"/> queries are in flight at once; the rest wait their turn.
/// </summary>
internal sealed class DnsUdpTransport : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly int _maxQueriesPerSocket;
    private readonly TimeSpan _maxSocketAge;
    private readonly Lock _gate = new();
    private readonly List<DnsUdpSocket> _opened = [];
    private readonly ServerAddressCache _serverAddresses = new();

    // Sockets still return slots while they close.
    private readonly QuerySlots _inFlight;
    private readonly DnsUdpSocket?[] _ipv4;
    private readonly DnsUdpSocket?[] _ipv6;
    private bool _disposed;

    /// <summary>Creates the transport; each socket of the pool opens on first use.</summary>
    /// <param name="time">The clock of timeouts and socket ages.</param>
    /// <param name="maxQueriesPerSocket">Queries one socket sends before it is replaced.</param>
    /// <param name="maxQueriesInFlight">Queries in flight at once.</param>
    /// <param name="socketsPerFamily">Sockets (source ports) in use at once per address family.</param>
    /// <param name="maxSocketAge">How long one socket takes new queries before it is replaced; the default is <see cref="DnsTransportConstants.MaxSocketAge"/>.</param>
    public DnsUdpTransport(
        TimeProvider time,
        int maxQueriesPerSocket = DnsTransportConstants.MaxQueriesPerSocket,
        int maxQueriesInFlight = DnsTransportConstants.MaxQueriesInFlight,
        int socketsPerFamily = DnsTransportConstants.SocketsPerFamily,
        TimeSpan? maxSocketAge = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueriesPerSocket, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueriesInFlight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(socketsPerFamily, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxSocketAge ?? DnsTransportConstants.MaxSocketAge, TimeSpan.Zero, nameof(maxSocketAge));
        _time = time;
        _maxQueriesPerSocket = maxQueriesPerSocket;
        _maxSocketAge = maxSocketAge ?? DnsTransportConstants.MaxSocketAge;
        _inFlight = new QuerySlots(maxQueriesInFlight);
        _ipv4 = new DnsUdpSocket?[socketsPerFamily];
        _ipv6 = new DnsUdpSocket?[socketsPerFamily];
    }

    /// <summary>Queries that may start at once now (the in-flight bound minus those in flight).</summary>
    public int FreeSlots => _inFlight.Free;

    /// <summary>Counters: dropped replies, sockets opened.</summary>
    public DnsTransportStatistics Statistics { get; } = new();

    /// <summary>One UDP exchange matching the reply's question ASCII case-insensitively.</summary>
    public ValueTask<DnsExchangeResult> ExchangeAsync(DnsQuestion question, IPEndPoint server, TimeSpan timeout, CancellationToken cancellationToken) =>
        ExchangeAsync(question, server, timeout, requireExactCase: false, cancellationToken);

    /// <summary>One UDP exchange; see <see cref="IDnsTransport.ExchangeAsync"/>.</summary>
    /// <remarks>The attempt's <paramref name="timeout"/> starts when the query is sent, after any wait for a slot.</remarks>
    public ValueTask<DnsExchangeResult> ExchangeAsync(DnsQuestion question, IPEndPoint server, TimeSpan timeout, bool requireExactCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        cancellationToken.ThrowIfCancellationRequested();
        return _inFlight.TryTake() // a free slot now, or the asynchronous wait below
            ? Begin(question, server, timeout, requireExactCase, cancellationToken)
            : WaitForSlotThenBeginAsync(question, server, timeout, requireExactCase, cancellationToken);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<DnsExchangeResult> WaitForSlotThenBeginAsync(DnsQuestion question, IPEndPoint server, TimeSpan timeout, bool requireExactCase, CancellationToken cancellationToken)
    {
        await _inFlight.TakeAsync(cancellationToken).ConfigureAwait(false);
        return await Begin(question, server, timeout, requireExactCase, cancellationToken).ConfigureAwait(false);
    }

    // The caller holds a slot: the socket takes it over once the query is registered, else it is given back here.
    private ValueTask<DnsExchangeResult> Begin(DnsQuestion question, IPEndPoint server, TimeSpan timeout, bool requireExactCase, CancellationToken cancellationToken)
    {
        PendingDnsQuery? pending;
        DnsUdpSocket socket;
        try
        {
            var serverAddress = _serverAddresses.Get(server);
            var pool = server.AddressFamily == AddressFamily.InterNetworkV6 ? _ipv6 : _ipv4;
            int index = PickSocket(pool.Length);
            socket = CurrentSocket(pool, index, server.AddressFamily);
            while (!socket.TryBegin(question, server, serverAddress, timeout, requireExactCase, out pending))
            {
                socket = ReplaceSocket(pool, index, socket);
            }
        }
        catch (SocketException exception)
        {
            _inFlight.Return();
            return ValueTask.FromResult(DnsExchangeResult.NetworkFailure($"cannot open a UDP socket: {exception.Message}"));
        }
        catch
        {
            _inFlight.Return();
            throw;
        }

        return socket.SendAndWaitAsync(pending!, cancellationToken);
    }

    /// <summary>Test seam: handed to every socket opened from now on (see <see cref="DnsUdpSocket.DatagramFault"/>).</summary>
    internal Action? DatagramFault { get; set; }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        DnsUdpSocket[] sockets;
        lock (_gate)
        {
            _disposed = true;
            sockets = [.. _opened];
            _opened.Clear();
        }

        foreach (var socket in sockets)
        {
            await socket.DisposeAsync().ConfigureAwait(false);
        }
    }

    // The socket is drawn from the same cryptographic generator as query IDs: which port a query leaves from must be
    // as unpredictable as its ID, or an attacker who learned one port could aim at the queries it carries.
    private static int PickSocket(int count) => count == 1 ? 0 : DnsQueryId.Next() % count;

    /// <summary>
    /// A transport dropped without <see cref="DisposeAsync"/> still closes its sockets. The receive threads keep only the
    /// sockets alive, never the transport, and nothing awaits a query of an unreachable transport, so when the transport
    /// is collected the sockets have no user left.
    /// </summary>
    ~DnsUdpTransport()
    {
        DnsUdpSocket[] sockets;
        lock (_gate)
        {
            _disposed = true;
            sockets = [.. _opened];
        }

        foreach (var socket in sockets)
        {
            socket.Abandon();
        }
    }

    private DnsUdpSocket CurrentSocket(DnsUdpSocket?[] pool, int index, AddressFamily family)
    {
        var socket = Volatile.Read(ref pool[index]);
        if (socket is not null)
        {
            return socket;
        }

        lock (_gate)
        {
            return pool[index] ??= Open(family);
        }
    }

    private DnsUdpSocket ReplaceSocket(DnsUdpSocket?[] pool, int index, DnsUdpSocket exhausted)
    {
        DnsUdpSocket replacement;
        lock (_gate)
        {
            var current = pool[index];
            if (current is not null && current != exhausted)
            {
                return current; // another caller already replaced it
            }

            replacement = Open(exhausted.Family);
            Volatile.Write(ref pool[index], replacement);
            _opened.RemoveAll(socket => socket.IsClosed);
        }

        exhausted.Retire();
        return replacement;
    }

    private DnsUdpSocket Open(AddressFamily family)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var socket = new DnsUdpSocket(family, _time, Statistics, _maxQueriesPerSocket, _maxSocketAge, _inFlight) { DatagramFault = DatagramFault };
        _opened.Add(socket);
        return socket;
    }
}

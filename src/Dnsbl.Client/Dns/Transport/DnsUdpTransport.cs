using Dnsbl.Client.Dns.Protocol;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// UDP exchanges over one shared socket per address family, replaced by a fresh socket (new random port) after
/// <see cref="DnsTransportConstants.MaxQueriesPerSocket"/> queries; the old one drains its pending queries and closes.
/// At most <see cref="DnsTransportConstants.MaxQueriesInFlight"/> queries are in flight at once; the rest wait their turn.
/// </summary>
internal sealed class DnsUdpTransport : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly int _maxQueriesPerSocket;
    private readonly Lock _gate = new();
    private readonly List<DnsUdpSocket> _opened = [];
    private readonly ServerAddressCache _serverAddresses = new();

    // Sockets still return slots while they close.
    private readonly QuerySlots _inFlight;
    private DnsUdpSocket? _ipv4;
    private DnsUdpSocket? _ipv6;
    private bool _disposed;

    /// <summary>Creates the transport; sockets open on first use.</summary>
    public DnsUdpTransport(TimeProvider time, int maxQueriesPerSocket = DnsTransportConstants.MaxQueriesPerSocket, int maxQueriesInFlight = DnsTransportConstants.MaxQueriesInFlight)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueriesPerSocket, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueriesInFlight, 1);
        _time = time;
        _maxQueriesPerSocket = maxQueriesPerSocket;
        _inFlight = new QuerySlots(maxQueriesInFlight);
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
            socket = CurrentSocket(server.AddressFamily);
            while (!socket.TryBegin(question, server, serverAddress, timeout, requireExactCase, out pending))
            {
                socket = ReplaceSocket(socket);
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

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
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

    private DnsUdpSocket CurrentSocket(AddressFamily family)
    {
        lock (_gate)
        {
            ref var current = ref family == AddressFamily.InterNetworkV6 ? ref _ipv6 : ref _ipv4;
            return current ??= Open(family);
        }
    }

    private DnsUdpSocket ReplaceSocket(DnsUdpSocket exhausted)
    {
        DnsUdpSocket replacement;
        lock (_gate)
        {
            ref var current = ref exhausted.Family == AddressFamily.InterNetworkV6 ? ref _ipv6 : ref _ipv4;
            if (current is not null && current != exhausted)
            {
                return current; // another caller already replaced it
            }

            replacement = current = Open(exhausted.Family);
            _opened.RemoveAll(socket => socket.IsClosed);
        }

        exhausted.Retire();
        return replacement;
    }

    private DnsUdpSocket Open(AddressFamily family)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var socket = new DnsUdpSocket(family, _time, Statistics, _maxQueriesPerSocket, _inFlight);
        _opened.Add(socket);
        return socket;
    }
}

using System.Net.Sockets;
using System.Net;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// UDP exchanges over a pool of shared sockets per address family (<see cref="DnsTransportConstants.SocketsPerFamily"/>),
/// each query sent from one picked at random. Each socket is replaced by a fresh one (new random port) after
/// <see cref="DnsTransportConstants.MaxQueriesPerSocket"/> queries or <see cref="DnsTransportConstants.MaxSocketAge"/>,
/// whichever comes first; the old one drains its pending queries and closes.
/// Each nameserver has its own <see cref="DnsTransportConstants.MaxQueriesInFlight"/> slots; more queries wait in a line
/// of at most <see cref="DnsTransportConstants.MaxQueriesWaiting"/>, and beyond that are shed as overloaded. A question's
/// asker (<see cref="DnsQuestion.Share"/>, a list) holds at most its share of those slots and waits in its own line first.
/// Time spent waiting for a slot counts against the attempt's timeout, and a query whose every waiter has gone
/// (<see cref="DnsQuestion.Interest"/>) leaves the line unsent.
/// </summary>
internal sealed partial class DnsUdpTransport : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly int _maxQueriesPerSocket;
    private readonly TimeSpan _maxSocketAge;
    private readonly Lock _gate = new();
    private readonly List<DnsUdpSocket> _opened = [];
    private readonly NameserverTable _nameservers;
    private readonly DnsUdpReceiver _receiver = new();
    private readonly DnsUdpSocket?[] _ipv4;
    private readonly DnsUdpSocket?[] _ipv6;
    private bool _disposed;

    /// <summary>Creates the transport; each socket of the pool opens on first use.</summary>
    /// <param name="time">The clock of timeouts and socket ages.</param>
    /// <param name="maxQueriesPerSocket">Queries one socket sends before it is replaced.</param>
    /// <param name="maxQueriesInFlight">Queries in flight at once to one nameserver.</param>
    /// <param name="socketsPerFamily">Sockets (source ports) in use at once per address family.</param>
    /// <param name="maxSocketAge">How long one socket takes new queries before it is replaced; the default is <see cref="DnsTransportConstants.MaxSocketAge"/>.</param>
    /// <param name="maxQueriesWaiting">Queries that may wait for a slot of one nameserver; the default is <see cref="DnsTransportConstants.WaitersPerSlot"/> times <paramref name="maxQueriesInFlight"/>.</param>
    public DnsUdpTransport(
        TimeProvider time,
        int maxQueriesPerSocket = DnsTransportConstants.MaxQueriesPerSocket,
        int maxQueriesInFlight = DnsTransportConstants.MaxQueriesInFlight,
        int socketsPerFamily = DnsTransportConstants.SocketsPerFamily,
        TimeSpan? maxSocketAge = null,
        int? maxQueriesWaiting = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueriesPerSocket, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueriesInFlight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(socketsPerFamily, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxSocketAge ?? DnsTransportConstants.MaxSocketAge, TimeSpan.Zero, nameof(maxSocketAge));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueriesWaiting ?? 0, 0, nameof(maxQueriesWaiting));
        _time = time;
        _maxQueriesPerSocket = maxQueriesPerSocket;
        _maxSocketAge = maxSocketAge ?? DnsTransportConstants.MaxSocketAge;
        _nameservers = new NameserverTable(maxQueriesInFlight, maxQueriesWaiting ?? DnsTransportConstants.WaitersPerSlot * maxQueriesInFlight);
        _ipv4 = new DnsUdpSocket?[socketsPerFamily];
        _ipv6 = new DnsUdpSocket?[socketsPerFamily];
    }

    /// <summary>Queries to <paramref name="server"/> that may start at once now (its in-flight bound minus those in flight).</summary>
    public int FreeSlots(IPEndPoint server) => _nameservers.Get(server).Slots.Free;

    /// <summary>Counters: dropped replies, sockets opened.</summary>
    public DnsTransportStatistics Statistics { get; } = new();

    /// <summary>One UDP exchange matching the reply's question ASCII case-insensitively.</summary>
    public ValueTask<DnsExchangeResult> ExchangeAsync(DnsQuestion question, IPEndPoint server, TimeSpan timeout, CancellationToken cancellationToken) =>
        ExchangeAsync(question, server, timeout, requireExactCase: false, withEdns: true, cancellationToken);

    /// <summary>One UDP exchange; see <see cref="IDnsTransport.ExchangeAsync"/>.</summary>
    /// <remarks>
    /// The attempt's <paramref name="timeout"/> starts now: a wait for a slot uses it up, and the query gets what is left.
    /// With <paramref name="withEdns"/> false the query carries no OPT record (the retry after a server rejected EDNS).
    /// </remarks>
    public ValueTask<DnsExchangeResult> ExchangeAsync(DnsQuestion question, IPEndPoint server, TimeSpan timeout, bool requireExactCase, bool withEdns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        cancellationToken.ThrowIfCancellationRequested();
        var nameserver = _nameservers.Get(server);
        var query = new UdpQuery(question, server, nameserver, nameserver.ShareOf(question.Share), requireExactCase, withEdns);
        if (query.Share is { } share && !share.TryTake())
        {
            return WaitForSlotsThenBeginAsync(query, holdsShare: false, timeout, cancellationToken);
        }

        return nameserver.Slots.TryTake() // free slots now (the share's, then the server's), or the asynchronous wait below
            ? Begin(query, timeout, cancellationToken)
            : WaitForSlotsThenBeginAsync(query, holdsShare: true, timeout, cancellationToken);
    }

    // The caller holds a slot: the socket takes it over once the query is registered, else it is given back here.
    private ValueTask<DnsExchangeResult> Begin(in UdpQuery query, TimeSpan timeout, CancellationToken cancellationToken)
    {
        PendingDnsQuery? pending;
        DnsUdpSocket socket;
        try
        {
            var pool = query.Server.AddressFamily == AddressFamily.InterNetworkV6 ? _ipv6 : _ipv4;
            int index = PickSocket(pool.Length);
            socket = CurrentSocket(pool, index, query.Server.AddressFamily);
            while (!socket.TryBegin(query, timeout, out pending))
            {
                socket = ReplaceSocket(pool, index, socket);
            }
        }
        catch (SocketException exception)
        {
            ReturnHeld(query, holdsShare: true, holdsServer: true);
            return ValueTask.FromResult(DnsExchangeResult.NetworkFailure($"cannot open a UDP socket: {exception.Message}"));
        }
        catch
        {
            ReturnHeld(query, holdsShare: true, holdsServer: true);
            throw;
        }

        return socket.SendAndWaitAsync(pending!, cancellationToken);
    }
}

/// <summary>One UDP query as the transport hands it to a socket.</summary>
internal readonly record struct UdpQuery(DnsQuestion Question, IPEndPoint Server, Nameserver Nameserver, QuerySlots? Share, bool RequireExactCase, bool WithEdns);

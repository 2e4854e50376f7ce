using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Dnsbl.Client.Testing.Server;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Testing;

/// <summary>
/// An authoritative DNS server on 127.0.0.1 (UDP and TCP on the same port) serving a <see cref="ZoneSet"/>, with
/// per-query fault injection (<see cref="InProcessDnsServerOptions.OnQuery"/>), an answer <see cref="Gate"/> and
/// query counts for assertions. Dispose it to stop the loops; no exception escapes them.
/// </summary>
public sealed partial class InProcessDnsServer : IAsyncDisposable
{
    private const int BindAttempts = 20;

    private readonly Socket _udp;
    private readonly Socket? _tcp;
    private readonly InProcessDnsServerOptions _options;
    private readonly QueryLog _log = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _handlers = new();
    private readonly List<Task> _loops = [];
    private long _nextHandlerId;
    private int _disposed;

    private InProcessDnsServer(ZoneSet zones, InProcessDnsServerOptions options, Socket udp, Socket? tcp)
    {
        Zones = zones;
        _options = options;
        _udp = udp;
        _tcp = tcp;
        EndPoint = (IPEndPoint)udp.LocalEndPoint!;
    }

    /// <summary>The loopback address and port the server listens on (the same port for UDP and TCP).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The zones served; change them while running to change answers.</summary>
    public ZoneSet Zones { get; }

    /// <summary>Holds all answers while closed; see <see cref="DnsAnswerGate"/>.</summary>
    public DnsAnswerGate Gate { get; } = new();

    /// <summary>The number of well-formed queries received (UDP and TCP).</summary>
    public int QueryCount => _log.Total;

    /// <summary>The last exception thrown by <see cref="InProcessDnsServerOptions.OnQuery"/> (the query was answered SERVFAIL), or null.</summary>
    public Exception? LastHookError { get; private set; }

    /// <summary>Starts a server serving <paramref name="zones"/>.</summary>
    /// <param name="zones">The zone data.</param>
    /// <param name="options">Fault injection and clock; null for defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static Task<InProcessDnsServer> StartAsync(ZoneSet zones, InProcessDnsServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zones);
        options ??= new InProcessDnsServerOptions();
        var (udp, tcp) = Bind(options.EnableTcp, cancellationToken);
        var server = new InProcessDnsServer(zones, options, udp, tcp);
        server._loops.Add(Task.Run(server.ReceiveUdpAsync, CancellationToken.None));
        if (tcp is not null)
        {
            server._loops.Add(Task.Run(server.AcceptTcpAsync, CancellationToken.None));
        }

        return Task.FromResult(server);
    }

    /// <summary>Starts a server serving one zone from one dataset text.</summary>
    /// <param name="zoneName">The zone, e.g. <c>bl.example.test</c>.</param>
    /// <param name="datasetType">The rbldnsd dataset format of <paramref name="data"/>.</param>
    /// <param name="data">The dataset text.</param>
    /// <param name="options">Fault injection and clock; null for defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static Task<InProcessDnsServer> StartAsync(
        string zoneName, ZoneDatasetType datasetType, string data, InProcessDnsServerOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(new ZoneSet().Add(zoneName, datasetType, data), options, cancellationToken);

    /// <summary>The number of queries received for <paramref name="name"/> (any type, case-insensitive).</summary>
    /// <param name="name">The queried name.</param>
    /// <returns>The count.</returns>
    public int QueriesFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _log.For(name);
    }

    /// <summary>Sets all query counts back to zero.</summary>
    /// <remarks>The server keeps a count per distinct name asked; a long run over ever-new names should reset them now and then.</remarks>
    public void ResetQueryCounts() => _log.Reset();

    /// <summary>Completes once at least <paramref name="count"/> queries have been received in total.</summary>
    /// <param name="count">The total to wait for.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the count is reached.</returns>
    public Task WaitForQueriesAsync(int count, CancellationToken cancellationToken) => _log.WaitForAsync(count, cancellationToken);

    /// <summary>Stops listening, cancels held and delayed answers, and waits for every loop to end.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _udp.Dispose();
        _tcp?.Dispose();
        await Task.WhenAll(_loops).ConfigureAwait(false);
        await Task.WhenAll(_handlers.Values).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static (Socket Udp, Socket? Tcp) Bind(bool enableTcp, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            if (!enableTcp)
            {
                return (udp, null);
            }

            var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                // The UDP port may be taken on TCP by someone else; then try another pair.
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, ((IPEndPoint)udp.LocalEndPoint!).Port));
                tcp.Listen(16);
                return (udp, tcp);
            }
            catch (SocketException) when (attempt < BindAttempts)
            {
                udp.Dispose();
                tcp.Dispose();
            }
        }
    }

    private void Track(Func<Task> handler)
    {
        var id = Interlocked.Increment(ref _nextHandlerId);
        _handlers[id] = Task.Run(async () =>
        {
            try
            {
                await handler().ConfigureAwait(false);
            }
            finally
            {
                _handlers.TryRemove(id, out _);
            }
        });
    }
}

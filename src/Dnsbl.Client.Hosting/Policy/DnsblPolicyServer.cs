using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dnsbl.Client.Policy;

/// <summary>
/// A Postfix SMTP access policy delegation service (Postfix's SMTPD_POLICY_README protocol) over a
/// <see cref="DnsblClient"/>: for each request it scores the client address with the IP lists and the HELO name,
/// verified client name and sender domain with the domain lists, and answers an access(5) action — reject
/// (<c>554 5.7.1</c>, naming the lists), tag (<c>PREPEND X-Dnsbl-Score: …</c>, once per transaction), allow-listed
/// (<c>DUNNO</c> or <c>OK</c>), or the error action when it cannot judge. The recipients of one transaction cost one
/// check. Listens on TCP and/or Unix sockets; hostile peers are bounded (line length, attribute count, idle timeout,
/// connection limit). Thread-safe; start once, stop once.
/// </summary>
public sealed partial class DnsblPolicyServer : IAsyncDisposable
{
    private readonly DnsblClient _client;
    private readonly PolicySettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PolicyMetrics _metrics;
    private readonly PolicyDecider _decider;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _aborting = new();
    private readonly ConcurrentDictionary<long, Task> _connections = new();
    private readonly List<PolicyListener> _listeners = [];
    private readonly List<Task> _loops = [];
    private PolicyStatusEndpoint? _status;
    private PolicyServerContext? _context;
    private long _nextConnectionId;
    private int _state; // 0 new, 1 started, 2 stopped

    /// <summary>Creates a server answering from <paramref name="client"/>; nothing listens until <see cref="StartAsync"/>.</summary>
    /// <param name="client">The client whose lists, thresholds and error policy decide; not disposed by the server.</param>
    /// <param name="options">Where to listen and how to answer; a snapshot is taken.</param>
    /// <param name="loggerFactory">Where logs go; none by default.</param>
    /// <param name="timeProvider">The clock of idle timeouts and the transaction cache; the system clock by default.</param>
    /// <param name="meterFactory">Creates the "Dnsbl.Client.Hosting" meter; a standalone meter by default.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public DnsblPolicyServer(DnsblClient client, DnsblPolicyOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _settings = new PolicySettings(options);
        _time = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Dnsbl.Client.Policy");
        _metrics = new PolicyMetrics(meterFactory);
        _decider = new PolicyDecider(client, _settings, _metrics, _time, _logger);
    }

    /// <summary>The endpoints listened on (with the ports chosen for port 0), once started.</summary>
    public IReadOnlyList<EndPoint> LocalEndPoints => [.. _listeners.Select(l => l.LocalEndPoint)];

    /// <summary>The status endpoint (HTTP, JSON), once started; null when none is configured.</summary>
    public EndPoint? StatusEndPoint => _status?.LocalEndPoint;

    /// <summary>Completes when the server has stopped: after <see cref="StopAsync"/>, or when the health loop fails.</summary>
    public Task Completion => _completion.Task;

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Connections open now.</summary>
    internal int ActiveConnections => _metrics.ActiveConnections;

    internal PolicyMetrics Metrics => _metrics;

    /// <summary>Binds every endpoint and starts accepting; a Unix socket left behind by a dead server is replaced.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="System.Net.Sockets.SocketException">An endpoint cannot be bound (in use, no permission).</exception>
    /// <exception cref="InvalidOperationException">The server was started before.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The policy server can be started once.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        _context = new PolicyServerContext(_settings, _decider, _time, _logger, _metrics, _stopping.Token, _aborting.Token);
        try
        {
            foreach (var endPoint in _settings.Listen)
            {
                _listeners.Add(PolicyListener.Bind(endPoint, _settings.UnixSocketMode));
            }

            if (_settings.Status is { } status)
            {
                _status = PolicyStatusEndpoint.Bind(status, WriteStatus, _logger);
            }
        }
        catch
        {
            CloseListeners();
            throw;
        }

        foreach (var listener in _listeners)
        {
            var where = PolicyEndpoint.Describe(listener.LocalEndPoint);
            PolicyLog.Listening(_logger, where);
            _loops.Add(AcceptLoopAsync(listener));
        }

        if (_status is not null)
        {
            _loops.Add(_status.ServeAsync(_stopping.Token));
        }

        if (_settings.RunHealthProbing)
        {
            _loops.Add(RunHealthAsync());
        }

        return Task.CompletedTask;
    }
}

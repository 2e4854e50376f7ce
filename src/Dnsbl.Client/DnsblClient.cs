using System.Diagnostics.Metrics;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Configuration;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Resilience;
using Dnsbl.Client.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dnsbl.Client;

/// <summary>
/// The front door: checks IP addresses, domains and messages against every enabled list in parallel, under one
/// deadline, through a TTL cache with in-flight sharing, and scores the answers. Thread-safe: create one per
/// configuration and share it. Lists that health probing disabled are skipped and say why.
/// </summary>
public sealed partial class DnsblClient : IAsyncDisposable
{
    private readonly IDnsResolver _resolver;
    private readonly bool _ownsResolver;
    private readonly DnsblMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IListHealthGate _gate;
    private readonly DeadlineQueue _deadlines;
    private readonly Lock _reconfiguring = new();
    private ClientSnapshot _snapshot;
    private readonly CancellationTokenSource _disposing = new();

    // What lookups give the resolver to stop them at dispose. A resolver of our own needs none: disposing it closes its
    // sockets and ends every exchange at once, and a token that can be cancelled cost each query a registration on one
    // CancellationTokenSource shared (and contended) by every thread. A resolver we were given gets the dispose token.
    private readonly CancellationToken _lookupsEnd;
    private int _disposed;

    /// <summary>Creates a client for <paramref name="options"/>, talking to its nameservers (or those of /etc/resolv.conf).</summary>
    /// <param name="options">The configuration; a snapshot is taken, later changes have no effect (the DI registration reloads lists and settings from <c>IOptionsMonitor</c>).</param>
    /// <param name="loggerFactory">Where logs go; none by default.</param>
    /// <param name="timeProvider">The clock for TTLs, deadlines and probes; the system clock by default.</param>
    /// <param name="meterFactory">Creates the "Dnsbl.Client" meter; a standalone meter by default.</param>
    /// <exception cref="DnsblConfigurationException">The options are invalid; the message lists every problem.</exception>
    public DnsblClient(DnsblOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
        : this(options, null, loggerFactory, timeProvider, meterFactory)
    {
    }

    internal DnsblClient(DnsblOptions options, IDnsResolver? resolver, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, IMeterFactory? meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        DnsblOptionsValidation.ThrowIfInvalid(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _deadlines = new DeadlineQueue(_time);
        _logger = loggerFactory.CreateLogger<DnsblClient>();
        _ownsResolver = resolver is null;
        _lookupsEnd = _ownsResolver ? CancellationToken.None : _disposing.Token;
        _resolver = resolver ?? ResolverFactory.Create(options, _time, loggerFactory);
        _snapshot = ClientSnapshot.Create(options, _time);
        _metrics = new DnsblMetrics(meterFactory);
        Health = new DnsblHealthMonitor(_snapshot.Lists, _resolver, options.Health, _time, loggerFactory.CreateLogger("Dnsbl.Client.Health"));
        _gate = Health;
        _snapshot.ResolveGates(_gate);
        _metrics.ObserveHealth(Health);
    }

    /// <summary>The health of every list: probes, states, the report and operator overrides. Lookups consult it.</summary>
    public DnsblHealthMonitor Health { get; }

    /// <summary>The lists this client checks, in configuration order.</summary>
    public IReadOnlyList<DnsList> Lists => Volatile.Read(ref _snapshot).Lists;

    /// <summary>How many answers the cache holds.</summary>
    internal int CachedAnswers => Volatile.Read(ref _snapshot).Cache?.Count ?? 0;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _optionsSubscription?.Dispose();
        await _disposing.CancelAsync().ConfigureAwait(false);
        await Health.DisposeAsync().ConfigureAwait(false);
        if (_ownsResolver)
        {
            await _resolver.DisposeAsync().ConfigureAwait(false);
        }

        _metrics.Dispose();
        _disposing.Dispose();
    }
}

using System.Diagnostics.Metrics;
using System.Net;
using Dnsbl.Client.Budgets;
using Dnsbl.Client.Configuration;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Lookups;
using Dnsbl.Client.Messages;
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
    private readonly LookupEngine _engine;
    private readonly QueryBudgets _budgets;
    private readonly CancellationTokenSource _disposing = new();
    private int _disposed;

    /// <summary>Creates a client for <paramref name="options"/>, talking to its nameservers (or those of /etc/resolv.conf).</summary>
    /// <param name="options">The configuration; a snapshot is taken, later changes have no effect (the DI registration reloads lists and settings from <c>IOptionsMonitor</c>).</param>
    /// <param name="loggerFactory">Where logs go; none by default.</param>
    /// <param name="timeProvider">The clock for TTLs, deadlines and probes; the system clock by default.</param>
    /// <param name="meterFactory">Creates the "Dnsbl.Client" meter; a standalone meter by default.</param>
    /// <exception cref="DnsblConfigurationException">The options are invalid; the message lists every problem.</exception>
    public DnsblClient(DnsblOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
        : this(options, (IDnsResolver?)null, loggerFactory, timeProvider, meterFactory)
    {
    }

    /// <summary>Creates a client for <paramref name="options"/> that shares what <paramref name="sharing"/> names with the other clients of a fleet.</summary>
    /// <param name="options">The configuration; a snapshot is taken, later changes have no effect.</param>
    /// <param name="sharing">The shared answer cache (and, later, health and budget) of the fleet; its parts are optional.</param>
    /// <param name="loggerFactory">Where logs go; none by default.</param>
    /// <param name="timeProvider">The clock for TTLs, deadlines and probes; the system clock by default.</param>
    /// <param name="meterFactory">Creates the "Dnsbl.Client" meter; a standalone meter by default.</param>
    /// <exception cref="DnsblConfigurationException">The options are invalid; the message lists every problem.</exception>
    public DnsblClient(DnsblOptions options, DnsblSharing sharing, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
        : this(options, (IDnsResolver?)null, loggerFactory, timeProvider, meterFactory, sharing ?? throw new ArgumentNullException(nameof(sharing)))
    {
    }

    internal DnsblClient(DnsblOptions options, IDnsResolver? resolver, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, IMeterFactory? meterFactory, DnsblSharing? sharing = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        DnsblOptionsValidation.ThrowIfInvalid(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _logger = loggerFactory.CreateLogger<DnsblClient>();
        _ownsResolver = resolver is null;
        _resolver = resolver ?? ResolverFactory.Create([.. options.Nameservers], options.AttemptTimeout, options.Attempts, options.UseCaseRandomization, _time, loggerFactory);
        var snapshot = SnapshotOf(options, _time);
        _metrics = new DnsblMetrics(meterFactory);
        Health = new DnsblHealthMonitor(snapshot.Lists, _resolver, options.Health, _time, loggerFactory.CreateLogger("Dnsbl.Client.Health"));
        snapshot.ResolveGates(Health);
        _metrics.ObserveHealth(() => Health.GetReport().Lists.Select(list => (list.Name, (int)list.State)));
        _metrics.ObserveLists(() => Health.GetReport().Lists.Select(l =>
            (l.Name, l.Circuit == ListCircuitState.Open ? 1 : 0, l.Missing ? 1 : 0, l.LastLatencyMilliseconds / 1000, l.ErrorRate)));
        _metrics.ObserveBudgets(() => Health.GetReport().Lists.Where(l => l.Budget is not null).Select(l => (l.Name, l.Budget!.UsedFraction, (int)l.Budget.State)));
        _budgets = new QueryBudgets(sharing?.Budget, _time, ((IListHealthGate)Health).ReportBudget, _logger);
        var lookupsEnd = _ownsResolver ? CancellationToken.None : _disposing.Token;
        _engine = new LookupEngine(snapshot, _resolver, Health, _metrics, _time, _logger, lookupsEnd, _disposing.Token, sharing?.Answers, _budgets);
    }

    /// <summary>The health of every list: probes, states, the report and operator overrides. Lookups consult it.</summary>
    public DnsblHealthMonitor Health { get; }

    /// <summary>The lists this client checks, in configuration order.</summary>
    public IReadOnlyList<DnsList> Lists => _engine.Snapshot.Lists;

    /// <summary>How many answers the cache holds.</summary>
    internal int CachedAnswers => _engine.Snapshot.Cache?.Count ?? 0;

    /// <summary>Checks an IP address against every enabled IP list (block and allow lists).</summary>
    /// <param name="address">IPv4 or IPv6; an IPv4-mapped IPv6 address is checked as IPv4, a scope id is ignored.</param>
    /// <param name="cancellationToken">Cancels the check (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The score, verdict and per-list outcomes; answered synchronously when the cache holds every list.</returns>
    /// <exception cref="ArgumentException">The address is neither IPv4 nor IPv6.</exception>
    public ValueTask<DnsblCheckResult> CheckAsync(IPAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _engine.CheckAddressAsync(address, cancellationToken);
    }

    /// <summary>Checks a domain (HELO name, sender domain, ...) against every enabled domain and URI list.</summary>
    /// <param name="domain">The domain; normalised (lower case, no trailing dot, IDN to punycode) before it is asked.</param>
    /// <param name="cancellationToken">Cancels the check (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The score, verdict and per-list outcomes.</returns>
    /// <exception cref="DnsblInputException">The domain is not a valid name; <see cref="DnsblInputException.Problem"/> says why.</exception>
    public ValueTask<DnsblCheckResult> CheckDomainAsync(string domain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (!DomainName.TryNormalize(domain, out var normalized, out var error))
        {
            throw new DnsblInputException(domain, $"not a valid domain name: {error}");
        }

        return _engine.CheckDomainAsync(normalized, cancellationToken);
    }

    /// <summary>
    /// Checks a message: its relays against the IP lists (per <see cref="DnsList.Relays"/>), its HELO, reverse DNS and
    /// sender domains against the domain lists (per <see cref="DnsList.DomainSources"/>) and its link domains against
    /// the URI lists, all in parallel under the one check deadline, through the same cache and in-flight sharing as
    /// <see cref="CheckAsync"/>. Each matching rule of a list counts once per message, however many keys hit it.
    /// </summary>
    /// <param name="message">The message: session facts and/or a parsed message (<see cref="MessageContext.ParseAsync"/>).</param>
    /// <param name="options">Trusted networks, link cap and skip list; null uses <see cref="DnsblOptions.Message"/>.</param>
    /// <param name="cancellationToken">Cancels the check (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The score, verdict, every lookup with its source and origin, and the message's problems.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MessageOptions.MaxUriDomains"/> is negative.</exception>
    public ValueTask<DnsblMessageResult> CheckMessageAsync(MessageContext message, MessageOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _engine.CheckMessageAsync(message, options, cancellationToken);
    }

    // The engine knows its lists, settings and cache, never the options type they come from.
    private static ClientSnapshot SnapshotOf(DnsblOptions options, TimeProvider time) =>
        ClientSnapshot.Create(options.Lists, new CheckSettings(options.Deadline, options.ErrorPolicy, options.Thresholds, options.Message, options.MetaRules), options.Cache, time);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _optionsSubscription?.Dispose();
        await _disposing.CancelAsync().ConfigureAwait(false);
        _budgets.Dispose();
        await Health.DisposeAsync().ConfigureAwait(false);
        if (_ownsResolver)
        {
            await _resolver.DisposeAsync().ConfigureAwait(false);
        }

        _metrics.Dispose();
        _disposing.Dispose();
    }
}

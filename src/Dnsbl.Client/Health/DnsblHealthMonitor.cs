using Dnsbl.Client.Dns;
using Dnsbl.Client.Lists;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Health;

/// <summary>
/// Probes every configured list (RFC 5782 §5 test points, RFC 6471 §3 zone and nameserver checks), keeps each list's
/// health with hysteresis, and gates lookups: lists that list everything, refuse, are dead or stay unreachable are
/// skipped until they recover. Thread-safe. Lists not probed yet are enabled.
/// </summary>
public sealed partial class DnsblHealthMonitor : IListHealthGate, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly ListProber _prober;
    private readonly DnsblHealthOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Random _random;
    private readonly CancellationTokenSource _disposed = new();
    private volatile Roster _roster = Roster.Empty;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal DnsblHealthMonitor(
        IReadOnlyList<DnsList> lists, IDnsResolver resolver, DnsblHealthOptions options, TimeProvider time, ILogger logger, Random? random = null, ISharedHealth? shared = null)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _time = time;
        _logger = logger;
        _random = random ?? new Random();
        _prober = new ListProber(resolver, options, time, _random);
        _shared = shared;
        if (shared is not null)
        {
            shared.Changed += OnFleetChanged;
        }

        UpdateLists(lists);
    }

    /// <summary>Raised when a list's verdict, its enabled flag or its circuit (open/closed) changes (after the change is visible in <see cref="GetReport()"/>).</summary>
    public event EventHandler<ListStateChangedEventArgs>? StateChanged;

    /// <summary>Raised after every completed probe round (tests wait on it instead of sleeping).</summary>
    internal event Action<ListHealth>? RoundCompleted;

    /// <summary>A snapshot of every list's health, without history.</summary>
    /// <returns>The report, lists in configuration order.</returns>
    public DnsblHealthReport GetReport() => GetReport(includeHistory: false);

    /// <summary>Queries the list whatever the probes say, until <see cref="ClearOverride"/>.</summary>
    /// <param name="listName">The list's <see cref="DnsList.Name"/>.</param>
    /// <exception cref="ArgumentException">No monitored list has that name.</exception>
    public void ForceEnable(string listName) =>
        ChangeOverride(listName, "forced on by operator", s => ListHealthStateMachine.ForceEnable(s, _time.GetUtcNow()));

    /// <summary>Skips the list whatever the probes say, until <see cref="ClearOverride"/>.</summary>
    /// <param name="listName">The list's <see cref="DnsList.Name"/>.</param>
    /// <param name="reason">Why, shown in skipped outcomes and the report.</param>
    /// <exception cref="ArgumentException">No monitored list has that name, or the reason is empty.</exception>
    public void ForceDisable(string listName, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ChangeOverride(listName, reason, s => ListHealthStateMachine.ForceDisable(s, reason, _time.GetUtcNow()));
    }

    /// <summary>Lets the probes decide again.</summary>
    /// <param name="listName">The list's <see cref="DnsList.Name"/>.</param>
    /// <exception cref="ArgumentException">No monitored list has that name.</exception>
    public void ClearOverride(string listName) =>
        ChangeOverride(listName, "override cleared", s => ListHealthStateMachine.ClearOverride(s, _time.GetUtcNow()));

    /// <summary>Stops probing and waits for probes in flight to end.</summary>
    /// <returns>A task that completes when every probe has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        await _disposed.CancelAsync().ConfigureAwait(false);
        if (_shared is not null)
        {
            _shared.Changed -= OnFleetChanged;
        }

        Task[] running;
        lock (_gate)
        {
            running = [.. _roster.Ordered.Select(e => e.Running).OfType<Task>()];
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _disposed.Dispose();
    }

    private void ChangeOverride(string listName, string reason, Func<ListHealthStatus, ListHealthStatus> change)
    {
        var entry = Find(listName);
        ListHealth before, after;
        lock (_gate)
        {
            before = entry.Snapshot();
            entry.Status = change(entry.Status);
            after = entry.Snapshot();
            RecordChangeLocked(entry, before, after, "operator", after.DisabledReason ?? reason);
            MarkOverridePendingLocked(entry);
        }

        PublishOverrideBehind(entry);

        Log.ListOverrideChanged(_logger, listName, after.Override, after.Enabled, reason);
        if (before.Enabled != after.Enabled)
        {
            Raise(before, after);
        }
    }

    private MonitoredList Find(string listName)
    {
        ArgumentNullException.ThrowIfNull(listName);
        return _roster.ByName.TryGetValue(listName, out var entry)
            ? entry
            : throw new ArgumentException($"No monitored DNS list is named '{listName}'.", nameof(listName));
    }

    private void Wake()
    {
        lock (_gate)
        {
            _wake.TrySetResult();
        }
    }

    /// <summary>The monitored lists, replaced as a whole so lookups read it without a lock.</summary>
    private sealed record Roster(MonitoredList[] Ordered, Dictionary<string, MonitoredList> ByName)
    {
        public static readonly Roster Empty = new([], []);
    }
}

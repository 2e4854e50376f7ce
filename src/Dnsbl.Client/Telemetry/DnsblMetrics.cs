using System.Diagnostics.Metrics;
namespace Dnsbl.Client.Telemetry;

/// <summary>
/// The "Dnsbl.Client" meter. Tags follow OpenTelemetry naming; durations are seconds. It takes names and values
/// only (a list's display name, never its zone: that may hold a DQS key), so it depends on nothing else of ours.
/// </summary>
internal sealed class DnsblMetrics : IDisposable
{
    public const string MeterName = "Dnsbl.Client";

    private readonly Meter _meter;
    private readonly Counter<long> _queries;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _coalesced;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _sharedHits;
    private readonly Counter<long> _sharedIgnored;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _circuitChanges;
    private readonly Counter<long> _degradedChecks;
    private readonly Counter<long> _askedOverBudget;

    public DnsblMetrics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _queries = _meter.CreateCounter<long>("dnsbl.client.queries", "{query}", "List queries answered by DNS (not from the cache).");
        _cacheHits = _meter.CreateCounter<long>("dnsbl.client.cache.hits", "{query}", "List outcomes answered from the cache.");
        _cacheMisses = _meter.CreateCounter<long>("dnsbl.client.cache.misses", "{query}", "List outcomes that needed a DNS query.");
        _coalesced = _meter.CreateCounter<long>("dnsbl.client.queries.coalesced", "{query}", "Lookups that joined an identical query already in flight.");
        _errors = _meter.CreateCounter<long>("dnsbl.client.errors", "{error}", "Failed list lookups by error kind.");
        _skipped = _meter.CreateCounter<long>("dnsbl.client.skipped", "{query}", "List lookups skipped: the list is disabled (dnsbl.skip.reason=disabled), its circuit is open (circuitOpen) or its query budget is spent (overBudget).");
        _circuitChanges = _meter.CreateCounter<long>("dnsbl.client.circuit.changes", "{change}", "A list's circuit breaker opened (dnsbl.circuit.state=open) or closed (closed).");
        _degradedChecks = _meter.CreateCounter<long>("dnsbl.client.checks.degraded", "{check}", "Checks that ran without some lists: skipped (disabled or circuit open) or not answered by the deadline (dnsbl.degraded.reason).");
        _sharedHits = _meter.CreateCounter<long>("dnsbl.client.cache.shared.hits", "{query}", "List outcomes answered by the shared (fleet) cache after the in-process cache missed.");
        _sharedIgnored = _meter.CreateCounter<long>("dnsbl.client.cache.shared.ignored", "{query}", "Shared answers ignored because they read as errors (foreign or corrupt values).");
        _askedOverBudget = _meter.CreateCounter<long>("dnsbl.client.budget.over", "{query}", "Queries sent to a list although its query budget was spent (its action is KeepAsking).");
        _duration = _meter.CreateHistogram<double>("dnsbl.client.query.duration", "s", "Duration of list queries answered by DNS.");
    }

    public void CacheHit(string listName)
    {
        if (_cacheHits.Enabled)
        {
            _cacheHits.Add(1, new KeyValuePair<string, object?>("dnsbl.list", listName));
        }
    }

    public void SharedHit(string listName)
    {
        if (_sharedHits.Enabled)
        {
            _sharedHits.Add(1, new KeyValuePair<string, object?>("dnsbl.list", listName));
        }
    }

    public void SharedIgnored(string listName)
    {
        if (_sharedIgnored.Enabled)
        {
            _sharedIgnored.Add(1, new KeyValuePair<string, object?>("dnsbl.list", listName));
        }
    }

    public void CacheMiss(string listName)
    {
        if (_cacheMisses.Enabled)
        {
            _cacheMisses.Add(1, new KeyValuePair<string, object?>("dnsbl.list", listName));
        }
    }

    public void Coalesced(string listName)
    {
        if (_coalesced.Enabled)
        {
            _coalesced.Add(1, new KeyValuePair<string, object?>("dnsbl.list", listName));
        }
    }

    /// <summary>Counts a skipped lookup; <paramref name="reason"/> is "disabled", "circuitOpen" or "overBudget".</summary>
    public void Skipped(string listName, string reason)
    {
        if (_skipped.Enabled)
        {
            _skipped.Add(1, new KeyValuePair<string, object?>("dnsbl.list", listName), new KeyValuePair<string, object?>("dnsbl.skip.reason", reason));
        }
    }

    public void AskedOverBudget(string listName)
    {
        if (_askedOverBudget.Enabled)
        {
            _askedOverBudget.Add(1, new KeyValuePair<string, object?>("dnsbl.list", listName));
        }
    }

    /// <summary>Publishes each budgeted list's used fraction of its tighter limit and its budget state (0 within, 1 near the limit, 2 over budget), read from <paramref name="budgets"/> at each collection.</summary>
    public void ObserveBudgets(Func<IEnumerable<(string ListName, double UsedFraction, int State)>> budgets)
    {
        static KeyValuePair<string, object?> Tag(string name) => new("dnsbl.list", name);
        _meter.CreateObservableGauge("dnsbl.client.list.budget.used", () => budgets().Select(b => new Measurement<double>(b.UsedFraction, Tag(b.ListName))),
            "1", "Fraction of each budgeted list's tighter query limit used in the current window (fleet-wide when shared; above 1 when over).");
        _meter.CreateObservableGauge("dnsbl.client.list.budget.state", () => budgets().Select(b => new Measurement<int>(b.State, Tag(b.ListName))),
            "{state}", "Query budget state of each budgeted list (0 within, 1 near the limit, 2 over budget).");
    }

    public void CircuitChanged(string listName, bool open)
    {
        if (_circuitChanges.Enabled)
        {
            _circuitChanges.Add(1, new KeyValuePair<string, object?>("dnsbl.list", listName), new KeyValuePair<string, object?>("dnsbl.circuit.state", open ? "open" : "closed"));
        }
    }

    /// <summary>Counts a check that ran without some lists; <paramref name="reason"/> is "skipped" or "deadline".</summary>
    public void DegradedCheck(string reason)
    {
        if (_degradedChecks.Enabled)
        {
            _degradedChecks.Add(1, new KeyValuePair<string, object?>("dnsbl.degraded.reason", reason));
        }
    }

    /// <summary>Counts a list query DNS answered: <paramref name="outcome"/> is "listed", "notListed" or "error"; <paramref name="errorType"/> names the error kind of an error.</summary>
    public void Completed(string listName, string outcome, string? errorType, TimeSpan latency)
    {
        var listTag = new KeyValuePair<string, object?>("dnsbl.list", listName);
        if (_queries.Enabled)
        {
            _queries.Add(1, listTag, new KeyValuePair<string, object?>("dnsbl.outcome", outcome));
        }

        if (_duration.Enabled)
        {
            _duration.Record(latency.TotalSeconds, listTag);
        }

        if (errorType is not null && _errors.Enabled)
        {
            _errors.Add(1, listTag, new KeyValuePair<string, object?>("error.type", errorType));
        }
    }

    /// <summary>Publishes each list's health state (the value of its <c>ListHealthState</c>) as a gauge, read from <paramref name="states"/> at each collection.</summary>
    public void ObserveHealth(Func<IEnumerable<(string ListName, int State)>> states) =>
        _meter.CreateObservableGauge(
            "dnsbl.client.list.state",
            () => states().Select(l => new Measurement<int>(l.State, new KeyValuePair<string, object?>("dnsbl.list", l.ListName))),
            "{state}",
            "Health state of each list (0 unknown, 1 healthy, others unhealthy).");

    /// <summary>
    /// Publishes each list's circuit (0 closed, 1 open), whether checks skip it (1 missing), its latest probe latency in
    /// seconds and its probe error rate, read from <paramref name="lists"/> at each collection.
    /// </summary>
    public void ObserveLists(Func<IEnumerable<(string ListName, int CircuitOpen, int Missing, double? ProbeLatencySeconds, double? ProbeErrorRate)>> lists)
    {
        static KeyValuePair<string, object?> Tag(string name) => new("dnsbl.list", name);
        _meter.CreateObservableGauge("dnsbl.client.list.circuit", () => lists().Select(l => new Measurement<int>(l.CircuitOpen, Tag(l.ListName))),
            "{state}", "Circuit breaker of each list (0 closed, 1 open: checks skip the list).");
        _meter.CreateObservableGauge("dnsbl.client.list.missing", () => lists().Select(l => new Measurement<int>(l.Missing, Tag(l.ListName))),
            "{list}", "1 while checks skip the list (disabled or circuit open): accepting without it.");
        _meter.CreateObservableGauge("dnsbl.client.list.probe.latency", () => lists().Where(l => l.ProbeLatencySeconds is not null)
            .Select(l => new Measurement<double>(l.ProbeLatencySeconds!.Value, Tag(l.ListName))), "s", "Latency of each list's latest health probe question.");
        _meter.CreateObservableGauge("dnsbl.client.list.probe.error_rate", () => lists().Where(l => l.ProbeErrorRate is not null)
            .Select(l => new Measurement<double>(l.ProbeErrorRate!.Value, Tag(l.ListName))), "1", "Fraction (0-1) of each list's recent probe questions that failed.");
    }

    public void Dispose() => _meter.Dispose();
}

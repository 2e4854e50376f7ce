using System.Diagnostics.Metrics;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Telemetry;

/// <summary>The "Dnsbl.Client" meter. Tags follow OpenTelemetry naming; durations are seconds.</summary>
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
    private readonly Histogram<double> _duration;

    public DnsblMetrics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _queries = _meter.CreateCounter<long>("dnsbl.client.queries", "{query}", "List queries answered by DNS (not from the cache).");
        _cacheHits = _meter.CreateCounter<long>("dnsbl.client.cache.hits", "{query}", "List outcomes answered from the cache.");
        _cacheMisses = _meter.CreateCounter<long>("dnsbl.client.cache.misses", "{query}", "List outcomes that needed a DNS query.");
        _coalesced = _meter.CreateCounter<long>("dnsbl.client.queries.coalesced", "{query}", "Lookups that joined an identical query already in flight.");
        _errors = _meter.CreateCounter<long>("dnsbl.client.errors", "{error}", "Failed list lookups by error kind.");
        _skipped = _meter.CreateCounter<long>("dnsbl.client.skipped", "{query}", "List lookups skipped because the list is disabled.");
        _duration = _meter.CreateHistogram<double>("dnsbl.client.query.duration", "s", "Duration of list queries answered by DNS.");
    }

    public void CacheHit(DnsList list)
    {
        if (_cacheHits.Enabled)
        {
            _cacheHits.Add(1, new KeyValuePair<string, object?>("dnsbl.list", list.Name));
        }
    }

    public void CacheMiss(DnsList list)
    {
        if (_cacheMisses.Enabled)
        {
            _cacheMisses.Add(1, new KeyValuePair<string, object?>("dnsbl.list", list.Name));
        }
    }

    public void Coalesced(DnsList list)
    {
        if (_coalesced.Enabled)
        {
            _coalesced.Add(1, new KeyValuePair<string, object?>("dnsbl.list", list.Name));
        }
    }

    public void Skipped(DnsList list)
    {
        if (_skipped.Enabled)
        {
            _skipped.Add(1, new KeyValuePair<string, object?>("dnsbl.list", list.Name));
        }
    }

    public void Completed(DnsList list, ListOutcome outcome, TimeSpan latency)
    {
        var listTag = new KeyValuePair<string, object?>("dnsbl.list", list.Name);
        if (_queries.Enabled)
        {
            _queries.Add(1, listTag, new KeyValuePair<string, object?>("dnsbl.outcome", OutcomeTag(outcome.Kind)));
        }

        if (_duration.Enabled)
        {
            _duration.Record(latency.TotalSeconds, listTag);
        }

        if (outcome.Kind == ListOutcomeKind.Error && _errors.Enabled)
        {
            _errors.Add(1, listTag, new KeyValuePair<string, object?>("error.type", outcome.Error.ToString()));
        }
    }

    /// <summary>Publishes each list's health state (the <see cref="ListHealthState"/> value) as a gauge.</summary>
    public void ObserveHealth(DnsblHealthMonitor monitor) =>
        _meter.CreateObservableGauge(
            "dnsbl.client.list.state",
            () => monitor.GetReport().Lists.Select(l => new Measurement<int>((int)l.State, new KeyValuePair<string, object?>("dnsbl.list", l.Name))),
            "{state}",
            "Health state of each list (0 unknown, 1 healthy, others unhealthy).");

    public void Dispose() => _meter.Dispose();

    private static string OutcomeTag(ListOutcomeKind kind) => kind switch
    {
        ListOutcomeKind.Listed => "listed",
        ListOutcomeKind.NotListed => "notListed",
        ListOutcomeKind.Error => "error",
        _ => "skipped",
    };
}

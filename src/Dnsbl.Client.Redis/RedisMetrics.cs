using System.Diagnostics.Metrics;

namespace Dnsbl.Client.Redis;

/// <summary>The "Dnsbl.Client.Redis" meter: how often Redis answered, was bypassed, and what it held that we refused.</summary>
internal sealed class RedisMetrics : IDisposable
{
    public const string MeterName = "Dnsbl.Client.Redis";

    private readonly Meter _meter;
    private readonly Counter<long> _reads;
    private readonly Counter<long> _bypassed;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _writes;

    public RedisMetrics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _reads = _meter.CreateCounter<long>("dnsbl.redis.answers.read", "{answer}", "Shared answers asked of Redis, by result (hit, miss).");
        _bypassed = _meter.CreateCounter<long>("dnsbl.redis.bypassed", "{request}", "Requests that went without Redis, by reason (breaker, disconnected, timeout, error).");
        _rejected = _meter.CreateCounter<long>("dnsbl.redis.values.rejected", "{value}", "Values under our keys that were not valid shared answers (ignored, never trusted).");
        _writes = _meter.CreateCounter<long>("dnsbl.redis.answers.written", "{answer}", "Shared answers written behind.");
    }

    /// <summary>The meter, for the instruments of other parts of the package (shared health).</summary>
    internal Meter Meter => _meter;

    public void Read(int hits, int misses)
    {
        if (_reads.Enabled)
        {
            _reads.Add(hits, new KeyValuePair<string, object?>("result", "hit"));
            _reads.Add(misses, new KeyValuePair<string, object?>("result", "miss"));
        }
    }

    public void Bypassed(string reason) => _bypassed.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Rejected() => _rejected.Add(1);

    public void Written() => _writes.Add(1);

    public void Dispose() => _meter.Dispose();
}

using System.Diagnostics.Metrics;

namespace Dnsbl.Client.Redis.Health;

/// <summary>Shared health's instruments on the "Dnsbl.Client.Redis" meter.</summary>
internal sealed class HealthMetrics(Meter meter)
{
    private readonly Counter<long> _leases = meter.CreateCounter<long>("dnsbl.redis.health.leases_taken", "{lease}", "Times this node took the fleet's health lease (became the prober).");
    private readonly Counter<long> _syncFailures = meter.CreateCounter<long>("dnsbl.redis.health.sync_failures", "{sync}", "Health syncs Redis did not answer, by reason (disconnected, timeout, error).");
    private readonly Counter<long> _rejected = meter.CreateCounter<long>("dnsbl.redis.health.values.rejected", "{value}", "Values under the health keys that were not ours (ignored, never trusted), by kind (lease, state, override).");

    public void LeaseTaken() => _leases.Add(1);

    public void SyncFailed(string reason) => _syncFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Rejected(string kind) => _rejected.Add(1, new KeyValuePair<string, object?>("kind", kind));
}

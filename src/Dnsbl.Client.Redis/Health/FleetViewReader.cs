using System.Globalization;
using Dnsbl.Client.Health;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Dnsbl.Client.Redis.Health;

/// <summary>Reads the fleet view in one script (lease, node set, states, overrides); what is not ours is left out and counted.</summary>
internal sealed class FleetViewReader(IConnectionMultiplexer connection, DnsblRedisOptions options, HealthMetrics metrics, TimeProvider time, ILogger logger)
{
    private readonly HealthKeys _keys = new(options.KeyPrefix);

    public async Task<DnsblFleetView?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!connection.IsConnected)
        {
            return null;
        }

        RedisResult[] reply;
        try
        {
            reply = (RedisResult[])(await connection.GetDatabase().ScriptEvaluateAsync(HealthScripts.View, [_keys.Lease, _keys.States, _keys.Overrides, _keys.Nodes])
                .WaitAsync(options.OperationTimeout, time, cancellationToken).ConfigureAwait(false))!;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.RequestFailed(logger, exception);
            return null;
        }

        var now = time.GetUtcNow();
        var holder = (string?)reply[0] ?? string.Empty;
        var leaseLeft = (long)reply[1];
        var leader = NodeIds.IsValid(holder) && leaseLeft > 0 ? holder : null;
        var overrides = new Dictionary<string, OverrideRecord>(StringComparer.Ordinal);
        foreach (var (field, value) in RedisSharedHealth.Pairs(reply[4]))
        {
            if (SharedHealthCodec.TryDecodeOverride((byte[])value!, null, now, out var problem) is { } record)
            {
                overrides[field] = record;
            }
            else
            {
                Reject("override", problem);
            }
        }

        return new DnsblFleetView
        {
            ReadAt = now,
            Leader = leader,
            LeaseExpiresAt = leader is null ? null : now.AddMilliseconds(leaseLeft),
            Nodes = Nodes(reply[2], leader),
            Lists = [.. States(reply[3], overrides, now).OrderBy(s => s.ListName, StringComparer.Ordinal)],
        };
    }

    private static DnsblFleetNode[] Nodes(RedisResult result, string? leader)
    {
        var nodes = new List<DnsblFleetNode>();
        foreach (var (id, score) in RedisSharedHealth.Pairs(result))
        {
            if (NodeIds.IsValid(id) && double.TryParse((string?)score, NumberStyles.Float, CultureInfo.InvariantCulture, out var at) && at is > 0 and < 1e15)
            {
                nodes.Add(new DnsblFleetNode(id, DateTimeOffset.FromUnixTimeMilliseconds((long)at), id == leader));
            }
        }

        return [.. nodes.OrderByDescending(n => n.LastCheckIn)];
    }

    private IEnumerable<DnsblFleetListState> States(RedisResult result, Dictionary<string, OverrideRecord> overrides, DateTimeOffset now)
    {
        foreach (var (field, value) in RedisSharedHealth.Pairs(result))
        {
            if (SharedHealthCodec.TryDecodeState((byte[])value!, null, now, out var problem) is not { } record)
            {
                Reject("state", problem);
                continue;
            }

            var fleetOverride = overrides.GetValueOrDefault(field) is { } o && o.List == record.List ? o : null;
            var value2 = fleetOverride is null ? ListHealthOverride.None : SharedHealthCodec.OverrideOf(fleetOverride);
            yield return new DnsblFleetListState
            {
                ListName = record.List,
                Zone = record.Zone,
                State = SharedHealthCodec.StateOf(record),
                Reason = record.Reason,
                Enabled = value2 switch { ListHealthOverride.ForceEnabled => true, ListHealthOverride.ForceDisabled => false, _ => !record.AutoDisabled },
                DisabledReason = record.DisabledReason,
                Override = value2,
                OverrideReason = fleetOverride?.Reason,
                LastProbe = record.LastProbe is { } p ? DateTimeOffset.FromUnixTimeMilliseconds(p) : null,
                LastChange = record.LastChange is { } c ? DateTimeOffset.FromUnixTimeMilliseconds(c) : null,
                PublishedBy = record.By,
                PublishedAt = DateTimeOffset.FromUnixTimeMilliseconds(record.At),
            };
        }
    }

    private void Reject(string kind, string? problem)
    {
        metrics.Rejected(kind);
        Log.HealthValueRejected(logger, _keys.Prefix, kind, problem ?? "invalid");
    }
}

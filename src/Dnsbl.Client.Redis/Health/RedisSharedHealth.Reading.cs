using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using StackExchange.Redis;

namespace Dnsbl.Client.Redis.Health;

internal sealed partial class RedisSharedHealth
{
    /// <summary>Who leads: a valid node id with a lease that expires. Anything else is foreign: nobody leads, every node probes alone.</summary>
    private (SharedHealthRole Role, string? Leader) RoleOf(string holder, long leaseMillisecondsLeft)
    {
        if (holder.Length == 0)
        {
            _leaseProblem = null;
            return (SharedHealthRole.Alone, null);
        }

        if (!NodeIds.IsValid(holder) || leaseMillisecondsLeft <= 0)
        {
            var problem = NodeIds.IsValid(holder) ? "a lease without expiry" : "a lease holder that is not a node id";
            _metrics.Rejected("lease");
            if (_leaseProblem != problem)
            {
                Log.HealthValueRejected(_logger, _keys.Prefix, "lease", problem);
                _leaseProblem = problem;
            }

            return (SharedHealthRole.Alone, null);
        }

        _leaseProblem = null;
        return (holder == NodeId ? SharedHealthRole.Leader : SharedHealthRole.Follower, holder);
    }

    private SharedListHealth?[] ReadStates(IReadOnlyList<DnsList> lists, Dictionary<string, RedisValue> fields, DateTimeOffset now)
    {
        var states = new SharedListHealth?[lists.Count];
        for (var i = 0; i < states.Length; i++)
        {
            if (!fields.TryGetValue(HealthKeys.ListField(lists[i]), out var value))
            {
                continue;
            }

            var record = SharedHealthCodec.TryDecodeState((byte[])value!, lists[i].Name, now, out var problem);
            if (record is null)
            {
                Reject("state", problem);
                continue;
            }

            var at = DateTimeOffset.FromUnixTimeMilliseconds(record.At);
            states[i] = new SharedListHealth
            {
                List = lists[i],
                State = SharedHealthCodec.StateOf(record),
                Reason = record.Reason,
                Evidence = [.. record.Evidence.Select(e => new ProbeEvidence(e.Name, e.Type, e.Answer, DateTimeOffset.FromUnixTimeMilliseconds(e.At)))],
                AutoDisabled = record.AutoDisabled,
                DisabledReason = record.DisabledReason,
                LastProbe = record.LastProbe is { } probed ? DateTimeOffset.FromUnixTimeMilliseconds(probed) : null,
                LastChange = record.LastChange is { } changed ? DateTimeOffset.FromUnixTimeMilliseconds(changed) : null,
                ConsecutiveFailures = record.Failures,
                ConsecutiveSuccesses = record.Successes,
                ConsecutiveUnreachable = record.Unreachable,
                PublishedBy = record.By,
                FreshUntil = at + (_options.HealthLeasePeriod * HealthConstants.FreshForLeasePeriods),
            };
        }

        return states;
    }

    private SharedListOverride?[] ReadOverrides(IReadOnlyList<DnsList> lists, Dictionary<string, RedisValue> fields, DateTimeOffset now)
    {
        var overrides = new SharedListOverride?[lists.Count];
        for (var i = 0; i < overrides.Length; i++)
        {
            if (!fields.TryGetValue(HealthKeys.ListField(lists[i]), out var value))
            {
                continue;
            }

            var record = SharedHealthCodec.TryDecodeOverride((byte[])value!, lists[i].Name, now, out var problem);
            if (record is null)
            {
                Reject("override", problem);
                continue;
            }

            overrides[i] = new SharedListOverride
            {
                List = lists[i],
                Value = SharedHealthCodec.OverrideOf(record),
                Reason = record.Reason,
                SetBy = record.By,
                SetAt = DateTimeOffset.FromUnixTimeMilliseconds(record.At),
            };
        }

        return overrides;
    }

    private void Reject(string kind, string? problem)
    {
        _metrics.Rejected(kind);
        Log.HealthValueRejected(_logger, _keys.Prefix, kind, problem ?? "invalid");
    }

    /// <summary>An HGETALL reply as field → value (fields that are not strings are skipped).</summary>
    internal static Dictionary<string, RedisValue> Pairs(RedisResult result)
    {
        var pairs = new Dictionary<string, RedisValue>(StringComparer.Ordinal);
        if (result.Resp2Type != ResultType.Array || (RedisResult[]?)result is not { } items)
        {
            return pairs;
        }

        for (var i = 0; i + 1 < items.Length; i += 2)
        {
            if ((string?)items[i] is { } field)
            {
                pairs[field] = (RedisValue)items[i + 1];
            }
        }

        return pairs;
    }

    private async ValueTask SubscribeAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _subscribed) != 0)
        {
            return;
        }

        try
        {
            // StackExchange.Redis restores the subscription by itself after a reconnect.
            await _connection.GetSubscriber().SubscribeAsync(_keys.Changed, (_, message) =>
            {
                if (message != NodeId)
                {
                    Changed?.Invoke(this, EventArgs.Empty);
                }
            }).WaitAsync(_options.OperationTimeout, _time, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _subscribed, 1);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.RequestFailed(_logger, exception); // the periodic sync still reads every change
        }
    }
}

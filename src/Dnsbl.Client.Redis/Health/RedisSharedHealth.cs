using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Dnsbl.Client.Redis.Health;

/// <summary>
/// The fleet's shared health in Redis: a lease (<c>SET NX PX</c>, extended by compare-and-extend) names the one node
/// that probes; it publishes each list's state into a hash with an expiry and announces it on a channel; every node
/// checks in, reads the states and overrides each sync, and follows. A sync that fails keeps the node's role for at
/// most one lease period (the leader's lease would have lapsed by then anyway), then the node probes alone.
/// </summary>
internal sealed partial class RedisSharedHealth : ISharedHealth
{
    private readonly IConnectionMultiplexer _connection;
    private readonly IDatabase _database;
    private readonly HealthKeys _keys;
    private readonly DnsblRedisOptions _options;
    private readonly HealthMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private SharedHealthRole _lastRole = SharedHealthRole.Alone;
    private string? _lastLeader;
    private long _lastAnswered;
    private int _subscribed;
    private string? _leaseProblem;

    public RedisSharedHealth(IConnectionMultiplexer connection, DnsblRedisOptions options, HealthMetrics metrics, TimeProvider time, ILogger logger)
    {
        _connection = connection;
        _database = connection.GetDatabase();
        _keys = new HealthKeys(options.KeyPrefix);
        _options = options;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        NodeId = options.NodeId ?? NodeIds.CreateDefault();
        SyncInterval = options.HealthLeasePeriod / HealthConstants.SyncsPerLeasePeriod;
    }

    /// <inheritdoc />
    public event EventHandler? Changed;

    /// <inheritdoc />
    public string NodeId { get; }

    /// <inheritdoc />
    public TimeSpan SyncInterval { get; }

    /// <inheritdoc />
    public async ValueTask<SharedHealthSync> SyncAsync(IReadOnlyList<DnsList> lists, bool participate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lists);
        if (!_connection.IsConnected)
        {
            return Unanswered("disconnected");
        }

        await SubscribeAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        RedisResult[] reply;
        try
        {
            var result = await _database.ScriptEvaluateAsync(
                HealthScripts.Sync,
                [_keys.Lease, _keys.States, _keys.Overrides, _keys.Nodes],
                [NodeId, Milliseconds(_options.HealthLeasePeriod), now.ToUnixTimeMilliseconds(), Milliseconds(HealthConstants.NodeRetention),
                    Milliseconds(HealthConstants.OverridesTimeToLive), participate ? "1" : "0"])
                .WaitAsync(_options.OperationTimeout, _time, cancellationToken).ConfigureAwait(false);
            reply = (RedisResult[])result!;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.RequestFailed(_logger, exception);
            return Unanswered(exception is TimeoutException ? "timeout" : "error");
        }

        var (role, leader) = RoleOf((string?)reply[0] ?? string.Empty, (long)reply[1]);
        var states = ReadStates(lists, Pairs(reply[2]), now);
        var overrides = ReadOverrides(lists, Pairs(reply[3]), now);
        lock (_gate)
        {
            if (role == SharedHealthRole.Leader && _lastRole != SharedHealthRole.Leader)
            {
                _metrics.LeaseTaken();
            }

            (_lastRole, _lastLeader, _lastAnswered) = (role, leader, _time.GetTimestamp());
        }

        return new SharedHealthSync { Role = role, Leader = leader, Answered = true, States = states, Overrides = overrides };
    }

    /// <inheritdoc />
    public async ValueTask<bool> PublishAsync(IReadOnlyList<SharedListHealth> states, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0 || !_connection.IsConnected)
        {
            return false;
        }

        var now = _time.GetUtcNow();
        var arguments = new List<RedisValue>(3 + (2 * states.Count)) { NodeId, Milliseconds(HealthConstants.StatesTimeToLive), _keys.Changed.ToString() };
        foreach (var state in states)
        {
            arguments.Add(HealthKeys.ListField(state.List));
            arguments.Add(SharedHealthCodec.Encode(state, NodeId, now));
        }

        return await RunAsync(HealthScripts.Publish, [_keys.Lease, _keys.States], [.. arguments], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> PublishOverrideAsync(DnsList list, ListHealthOverride value, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (!_connection.IsConnected)
        {
            return false;
        }

        RedisValue encoded = value == ListHealthOverride.None ? string.Empty : SharedHealthCodec.Encode(list, value, reason, NodeId, _time.GetUtcNow());
        return await RunAsync(
            HealthScripts.Override, [_keys.Overrides],
            [Milliseconds(HealthConstants.OverridesTimeToLive), _keys.Changed.ToString(), NodeId, HealthKeys.ListField(list), encoded],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives the lease up if this node holds it and leaves the node set, so a graceful stop hands over at once.</summary>
    public async Task ReleaseAsync()
    {
        if (_connection.IsConnected)
        {
            await RunAsync(HealthScripts.Release, [_keys.Lease, _keys.Nodes], [NodeId, _keys.Changed.ToString()], CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<bool> RunAsync(string script, RedisKey[] keys, RedisValue[] values, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _database.ScriptEvaluateAsync(script, keys, values)
                .WaitAsync(_options.OperationTimeout, _time, cancellationToken).ConfigureAwait(false);
            return (long)result == 1;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.RequestFailed(_logger, exception);
            return false;
        }
    }

    /// <summary>Redis did not answer: the last role holds for one lease period (the lease outlives a blip), then alone.</summary>
    private SharedHealthSync Unanswered(string reason)
    {
        _metrics.SyncFailed(reason);
        lock (_gate)
        {
            if (_lastRole != SharedHealthRole.Alone && _time.GetElapsedTime(_lastAnswered) < _options.HealthLeasePeriod)
            {
                return new SharedHealthSync { Role = _lastRole, Leader = _lastLeader };
            }

            _lastRole = SharedHealthRole.Alone;
            _lastLeader = null;
            return new SharedHealthSync { Role = SharedHealthRole.Alone };
        }
    }

    private static long Milliseconds(TimeSpan span) => (long)span.TotalMilliseconds;
}

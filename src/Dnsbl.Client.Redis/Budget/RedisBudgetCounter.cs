using System.Globalization;
using Dnsbl.Client.Budgets;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Dnsbl.Client.Redis.Budget;

/// <summary>
/// The fleet's query budget counts in Redis: one script call per sync adds every window's count (<c>INCRBY</c>) and
/// gives each key its expiry when it has none (window length + margin), atomically, so no count key ever lives without
/// a TTL. Keys are <c>{prefix}b:{zone hash}:{m|d}:{window index}</c>: the zone is hashed as for answers, so a DQS key never
/// reaches Redis. A disconnected Redis, an open breaker, a timeout or an error (also a foreign value under a key) answer
/// "not counted": the client then counts in-process.
/// </summary>
internal sealed class RedisBudgetCounter : ISharedBudgetCounter
{
    // KEYS[i] gets ARGV[2i-1] added; a key without an expiry gets ARGV[2i] seconds. Returns the totals in order.
    private const string AddScript = """
        local totals = {}
        for i = 1, #KEYS do
          totals[i] = redis.call('INCRBY', KEYS[i], ARGV[2 * i - 1])
          if redis.call('TTL', KEYS[i]) < 0 then
            redis.call('EXPIRE', KEYS[i], ARGV[2 * i])
          end
        end
        return totals
        """;

    private readonly IConnectionMultiplexer _connection;
    private readonly IDatabase _database;
    private readonly DnsblRedisOptions _options;
    private readonly RedisBreaker _breaker;
    private readonly RedisMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RedisBudgetCounter(IConnectionMultiplexer connection, DnsblRedisOptions options, RedisMetrics metrics, TimeProvider time, ILogger logger)
    {
        _connection = connection;
        _database = connection.GetDatabase();
        _options = options;
        _breaker = new RedisBreaker(options.FailuresToBreak, options.BreakDuration, time);
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>The key of one window's count: <c>{prefix}b:{zone hash}:{m|d}:{window}</c> (the zone never appears).</summary>
    public static string KeyOf(string prefix, in BudgetCount count) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}b:{RedisKeys.ZoneHash(count.Zone)}:{(count.Period == BudgetPeriod.Minute ? 'm' : 'd')}:{count.Window}");

    /// <summary>How long a window's key lives from its first count: the window plus a margin for clocks that disagree.</summary>
    public static TimeSpan ExpiryOf(BudgetPeriod period) =>
        period == BudgetPeriod.Minute ? TimeSpan.FromMinutes(1) + RedisBudgetConstants.MinuteMargin : TimeSpan.FromDays(1) + RedisBudgetConstants.DayMargin;

    /// <inheritdoc />
    public async ValueTask<bool> AddAsync(ReadOnlyMemory<BudgetCount> counts, Memory<long> totals, CancellationToken cancellationToken)
    {
        if (!_connection.IsConnected)
        {
            _metrics.Bypassed("disconnected");
            return false;
        }

        if (!_breaker.TryEnter(out var isTrial))
        {
            _metrics.Bypassed("breaker");
            return false;
        }

        var keys = new RedisKey[counts.Length];
        var values = new RedisValue[counts.Length * 2];
        for (var i = 0; i < keys.Length; i++)
        {
            var count = counts.Span[i];
            keys[i] = KeyOf(_options.KeyPrefix, count);
            values[2 * i] = count.Count;
            values[(2 * i) + 1] = (long)ExpiryOf(count.Period).TotalSeconds;
        }

        try
        {
            var result = await _database.ScriptEvaluateAsync(AddScript, keys, values).WaitAsync(_options.OperationTimeout, _time, cancellationToken).ConfigureAwait(false);
            var read = (long[]?)result ?? [];
            if (read.Length != keys.Length)
            {
                throw new RedisException($"the budget script returned {read.Length} totals for {keys.Length} keys");
            }

            read.CopyTo(totals.Span);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            _metrics.Bypassed(exception is TimeoutException ? "timeout" : "error");
            Log.RequestFailed(_logger, exception);
            if (_breaker.Failed(isTrial))
            {
                Log.BreakerOpened(_logger, _options.FailuresToBreak, _options.BreakDuration.TotalSeconds);
            }

            return false;
        }

        _breaker.Succeeded(isTrial);
        return true;
    }
}

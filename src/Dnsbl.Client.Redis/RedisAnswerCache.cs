using Dnsbl.Client.Caching;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Dnsbl.Client.Redis;

/// <summary>
/// The fleet's answer cache in Redis: one MGET per check for every list the in-process cache missed, answers written
/// behind (fire and forget) with their lifetime as the key's expiry. A disconnected Redis, an open breaker, an error or
/// a request slower than the timeout all answer "nothing" at once: the check goes on to DNS within its deadline.
/// </summary>
internal sealed class RedisAnswerCache : ISharedAnswerCache
{
    private readonly IConnectionMultiplexer _connection;
    private readonly IDatabase _database;
    private readonly RedisKeys _keys;
    private readonly RedisBreaker _breaker;
    private readonly RedisMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DnsblRedisOptions _options;

    public RedisAnswerCache(IConnectionMultiplexer connection, DnsblRedisOptions options, RedisMetrics metrics, TimeProvider time, ILogger logger)
    {
        _connection = connection;
        _database = connection.GetDatabase();
        _options = options;
        _keys = new RedisKeys(options.KeyPrefix);
        _breaker = new RedisBreaker(options.FailuresToBreak, options.BreakDuration, time);
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public async ValueTask GetManyAsync(ReadOnlyMemory<SharedAnswerKey> keys, Memory<SharedAnswer?> answers, CancellationToken cancellationToken)
    {
        if (!TryEnter(out var isTrial))
        {
            return;
        }

        var redisKeys = new RedisKey[keys.Length];
        for (var i = 0; i < redisKeys.Length; i++)
        {
            redisKeys[i] = _keys.AnswerKey(keys.Span[i]);
        }

        RedisValue[] values;
        try
        {
            values = await _database.StringGetAsync(redisKeys).WaitAsync(_options.OperationTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Fail(isTrial, exception);
            return;
        }

        Succeed(isTrial);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var hits = 0;
        for (var i = 0; i < values.Length && i < answers.Length; i++)
        {
            if (values[i].IsNull)
            {
                continue;
            }

            var answer = SharedAnswerCodec.TryDecode((byte[])values[i]!, now, RedisConstants.MaximumTimeToLive, out var problem);
            if (problem is not null)
            {
                _metrics.Rejected();
                Log.ValueRejected(_logger, _keys.Prefix, problem);
            }

            answers.Span[i] = answer;
            hits += answer is null ? 0 : 1;
        }

        _metrics.Read(hits, values.Length - hits);
    }

    /// <inheritdoc />
    public void Publish(SharedAnswerKey key, SharedAnswer answer)
    {
        if (!_connection.IsConnected || _breaker.IsOpen || answer.TimeToLive <= TimeSpan.Zero)
        {
            return;
        }

        var expiresAt = _time.GetUtcNow().Add(answer.TimeToLive).ToUnixTimeMilliseconds();
        try
        {
            // Fire and forget: the write never holds up the lookup that produced it; the key expires with the answer.
            _database.StringSet(_keys.AnswerKey(key), SharedAnswerCodec.Encode(answer, expiresAt), answer.TimeToLive, flags: CommandFlags.FireAndForget);
            _metrics.Written();
        }
        catch (Exception exception)
        {
            Log.RequestFailed(_logger, exception);
        }
    }

    private bool TryEnter(out bool isTrial)
    {
        isTrial = false;
        if (!_connection.IsConnected)
        {
            _metrics.Bypassed("disconnected");
            return false;
        }

        if (!_breaker.TryEnter(out isTrial))
        {
            _metrics.Bypassed("breaker");
            return false;
        }

        return true;
    }

    private void Succeed(bool isTrial)
    {
        _breaker.Succeeded(isTrial);
        if (isTrial)
        {
            Log.Resumed(_logger);
        }
    }

    private void Fail(bool isTrial, Exception exception)
    {
        _metrics.Bypassed(exception is TimeoutException ? "timeout" : "error");
        Log.RequestFailed(_logger, exception);
        if (_breaker.Failed(isTrial))
        {
            Log.BreakerOpened(_logger, _options.FailuresToBreak, _options.BreakDuration.TotalSeconds);
        }
    }
}

using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Redis;

/// <summary>Log messages of the Redis tier. Event ids never change once shipped.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 300, EventName = "RedisBypassed", Level = LogLevel.Warning, Message = "Redis failed {Failures} times in a row or timed out; bypassed for {BreakSeconds} s")]
    public static partial void BreakerOpened(ILogger logger, int failures, double breakSeconds);

    [LoggerMessage(EventId = 301, EventName = "RedisValueRejected", Level = LogLevel.Warning, Message = "A value under {KeyPrefix} was not a valid shared answer ({Problem}); ignored")]
    public static partial void ValueRejected(ILogger logger, string keyPrefix, string problem);

    [LoggerMessage(EventId = 302, EventName = "RedisRequestFailed", Level = LogLevel.Debug, Message = "A Redis request failed or timed out")]
    public static partial void RequestFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 303, EventName = "RedisResumed", Level = LogLevel.Information, Message = "Redis answers again; sharing resumed")]
    public static partial void Resumed(ILogger logger);
}

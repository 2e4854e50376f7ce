using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Redis;

/// <summary>Log messages of shared health (event ids 320–329). Event ids never change once shipped.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 320, EventName = "RedisHealthValueRejected", Level = LogLevel.Warning, Message = "A {Kind} under {KeyPrefix}h: was not a valid shared health value ({Problem}); ignored")]
    public static partial void HealthValueRejected(ILogger logger, string keyPrefix, string kind, string problem);
}

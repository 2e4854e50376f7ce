namespace Dnsbl.Client.Redis;

/// <summary>Defaults of the Redis tier, quoted by <see cref="DnsblRedisOptions"/>.</summary>
internal static class RedisConstants
{
    public const string KeyPrefix = "dnsbl:";

    /// <summary>A loopback or LAN Redis answers in well under a millisecond; 50 ms is slow enough to stop waiting for.</summary>
    public static readonly TimeSpan OperationTimeout = TimeSpan.FromMilliseconds(50);

    /// <summary>Three failures in a row open the breaker.</summary>
    public const int FailuresToBreak = 3;

    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    /// <summary>Longest lifetime a shared value may claim; longer ones are foreign or corrupt.</summary>
    public static readonly TimeSpan MaximumTimeToLive = TimeSpan.FromDays(1);
}

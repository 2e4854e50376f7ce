namespace Dnsbl.Client.Redis;

/// <summary>Defaults of the Redis tier, quoted by <see cref="DnsblRedisOptions"/>.</summary>
internal static class RedisConstants
{
    public const string KeyPrefix = "dnsbl:";

    /// <summary>A loopback or LAN Redis answers in well under a millisecond; 250 ms leaves room for a busy process (a bulk run of hundreds of concurrent checks on two shared cores saw 50 ms pass) and is still a twentieth of the default 5 s deadline.</summary>
    public static readonly TimeSpan OperationTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>Ten failures within a sampling window, when they are at least half its requests, open the breaker.</summary>
    public const int FailuresToBreak = 10;

    /// <summary>The window over which failures are counted against requests.</summary>
    public static readonly TimeSpan SamplingWindow = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    /// <summary>Longest lifetime a shared value may claim; longer ones are foreign or corrupt.</summary>
    public static readonly TimeSpan MaximumTimeToLive = TimeSpan.FromDays(1);
}

using System.ComponentModel.DataAnnotations;

namespace Dnsbl.Client.Redis;

/// <summary>How a client reaches the fleet's Redis (bound from <c>Dnsbl:Redis</c>).</summary>
public sealed class DnsblRedisOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c> or <c>redis1:6379,password=…,ssl=true</c>.</summary>
    [Required]
    public string Configuration { get; set; } = string.Empty;

    /// <summary>Prefix of every key written, so several fleets or applications can share one Redis.</summary>
    /// <value>The default value is <c>dnsbl:</c>.</value>
    [Required]
    [StringLength(64, MinimumLength = 1)]
    public string KeyPrefix { get; set; } = RedisConstants.KeyPrefix;

    /// <summary>How long a check waits for Redis before it goes on without it.</summary>
    /// <value>The default value is 250 ms.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan OperationTimeout { get; set; } = RedisConstants.OperationTimeout;

    /// <summary>
    /// Failures (errors or timeouts) within 10 s after which Redis is bypassed for <see cref="BreakDuration"/>, when they
    /// are at least half of that window's requests (a burst of checks must not break on a few slow replies).
    /// </summary>
    /// <value>The default value is 10.</value>
    [Range(1, 1000)]
    public int FailuresToBreak { get; set; } = RedisConstants.FailuresToBreak;

    /// <summary>How long Redis is bypassed once the breaker opens; then one trial request decides.</summary>
    /// <value>The default value is 5 s.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = RedisConstants.BreakDuration;
}

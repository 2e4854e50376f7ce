using System.ComponentModel.DataAnnotations;
using Dnsbl.Client.Redis.Health;

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

    /// <summary>Whether list health is shared: one node probes (the lease holder) and the others follow its published states.</summary>
    /// <value>The default value is true.</value>
    public bool ShareHealth { get; set; } = true;

    /// <summary>
    /// How long the health lease lasts without renewal. Nodes sync three times per period; a dead leader is replaced
    /// within about 1⅓ periods, and a node that cannot reach Redis for a period probes for itself.
    /// </summary>
    /// <value>The default value is 15 s.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan HealthLeasePeriod { get; set; } = HealthConstants.LeasePeriod;

    /// <summary>
    /// This node's name in the fleet (letters, digits, '.', '_', '-'; at most 64), shown in the fleet view and logs; never
    /// put a secret in it. Null uses the host name, the process id and a random part.
    /// </summary>
    /// <value>The default value is null.</value>
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$")]
    public string? NodeId { get; set; }
}

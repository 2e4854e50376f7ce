using System.ComponentModel.DataAnnotations;

namespace Dnsbl.Client.Caching;

/// <summary>The answer cache: TTL clamps for positive and negative answers and a size bound.</summary>
/// <remarks>Not thread-safe: a settings bag. Fill it before handing it to a client (which takes a snapshot) and do not change it from several threads at once.</remarks>
public sealed class DnsblCacheOptions
{
    /// <summary>Whether answers are cached at all.</summary>
    /// <value>The default value is true.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>The shortest time an answer is kept, whatever its TTL.</summary>
    /// <value>The default value is 60 seconds (postscreen's <c>postscreen_dnsbl_min_ttl</c>).</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MinimumTtl { get; set; } = CachingConstants.MinimumTtl;

    /// <summary>The longest time an answer is kept, whatever its TTL.</summary>
    /// <value>The default value is 1 hour (postscreen's <c>postscreen_dnsbl_max_ttl</c>).</value>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MaximumTtl { get; set; } = CachingConstants.MaximumTtl;

    /// <summary>The most answers kept; beyond it the oldest are evicted.</summary>
    /// <value>The default value is 100,000.</value>
    [Range(1, 100_000_000)]
    public int SizeLimit { get; set; } = CachingConstants.SizeLimit;
}

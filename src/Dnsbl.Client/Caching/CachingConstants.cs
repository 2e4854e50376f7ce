namespace Dnsbl.Client.Caching;

/// <summary>Defaults of the answer cache, quoted by <see cref="DnsblCacheOptions"/>.</summary>
internal static class CachingConstants
{
    // postscreen_dnsbl_min_ttl / postscreen_dnsbl_max_ttl.
    public static readonly TimeSpan MinimumTtl = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MaximumTtl = TimeSpan.FromHours(1);

    /// <summary>Answers kept at most: about 15 MiB of entries (benchmarks/README.md: 1M answers take ~150 MiB).</summary>
    public const int SizeLimit = 100_000;
}

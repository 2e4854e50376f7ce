namespace Dnsbl.Client;

/// <summary>Default values quoted by the options' documentation.</summary>
internal static class DnsblDefaults
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);
    public const int Attempts = 2;
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    // postscreen_dnsbl_threshold defaults to 1; its allowlist threshold is off unless negative.
    public const double RejectThreshold = 1;
    public const double AllowListThreshold = -1;

    // postscreen_dnsbl_min_ttl / postscreen_dnsbl_max_ttl.
    public static readonly TimeSpan MinimumTtl = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MaximumTtl = TimeSpan.FromHours(1);
    public const int CacheSizeLimit = 100_000;
}

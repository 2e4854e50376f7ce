namespace Dnsbl.Client.Caching;

/// <summary>Clamps answer TTLs (positive and negative alike) to the configured bounds, as postscreen's min/max TTL.</summary>
internal sealed class TtlPolicy(TimeSpan minimum, TimeSpan maximum)
{
    public TimeSpan Minimum { get; } = minimum;

    public TimeSpan Maximum { get; } = maximum;

    /// <summary>A missing TTL (NXDOMAIN without SOA) is cached for the minimum.</summary>
    public TimeSpan Clamp(TimeSpan? timeToLive)
    {
        var ttl = timeToLive ?? Minimum;
        if (ttl < Minimum)
        {
            ttl = Minimum;
        }

        return ttl > Maximum ? Maximum : ttl;
    }
}

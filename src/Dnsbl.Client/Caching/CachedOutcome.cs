namespace Dnsbl.Client.Caching;

/// <summary>A cached list outcome and the timestamp (of the cache's TimeProvider) at which it expires.</summary>
internal sealed class CachedOutcome(ListOutcome outcome, long expiresAt)
{
    public ListOutcome Outcome { get; } = outcome;

    public long ExpiresAt { get; } = expiresAt;
}

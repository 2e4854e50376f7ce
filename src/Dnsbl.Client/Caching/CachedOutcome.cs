namespace Dnsbl.Client.Caching;

/// <summary>A cached list outcome and the timestamp (of the cache's TimeProvider) at which it expires.</summary>
/// <remarks>A struct stored inline in the dictionary node: a class here cost 32 bytes more per entry.</remarks>
internal readonly record struct CachedOutcome(ListOutcome Outcome, long ExpiresAt);

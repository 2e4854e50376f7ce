namespace Dnsbl.Client.Caching;

/// <summary>What a shared answer is about: a list's zone and the query name without that zone (the reversed address or the domain).</summary>
/// <param name="Zone">The list's zone as asked; it may hold a secret (a DQS key), so a store must never keep or show it in clear.</param>
/// <param name="Name">The query name before the zone, e.g. <c>2.0.0.127</c>.</param>
public readonly record struct SharedAnswerKey(string Zone, string Name);

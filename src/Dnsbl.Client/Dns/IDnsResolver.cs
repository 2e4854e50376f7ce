using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Dns;

/// <summary>
/// The one seam between lookups and sockets: a stub resolver that never throws for DNS outcomes.
/// Throws <see cref="OperationCanceledException"/> only when the caller's token is cancelled, or when every waiter of
/// the question (<see cref="DnsQuestion.Interest"/>) has gone before it was sent.
/// </summary>
internal interface IDnsResolver : IAsyncDisposable
{
    /// <summary>Resolves <paramref name="question"/> with the resolver's own attempts, failover and per-attempt timeouts.</summary>
    ValueTask<DnsLookupResult> ResolveAsync(DnsQuestion question, CancellationToken cancellationToken);
}

using System.Net;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// One exchange with one server: send the question, wait for a matching reply within <c>timeout</c>. No retries and no
/// failover here; those belong to the resolver (or an outer resilience pipeline). Tests, benchmarks and fuzzing swap
/// this seam for a fake.
/// </summary>
internal interface IDnsTransport : IAsyncDisposable
{
    /// <summary>Asks <paramref name="server"/> for <paramref name="question"/>.</summary>
    /// <returns>A response, or a timeout / malformed / network status as data.</returns>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled.</exception>
    ValueTask<DnsExchangeResult> ExchangeAsync(DnsQuestion question, IPEndPoint server, TimeSpan timeout, CancellationToken cancellationToken);
}

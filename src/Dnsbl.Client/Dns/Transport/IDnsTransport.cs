using Dnsbl.Client.Dns.Protocol;
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
    /// <param name="question">What to ask, sent with the name spelled exactly as given.</param>
    /// <param name="server">Where to ask; a reply must come from exactly there.</param>
    /// <param name="timeout">How long to wait for a matching reply.</param>
    /// <param name="requireExactCase">
    /// When true (0x20 case randomisation), a reply whose question differs from the name sent in letter case is not a
    /// match: over UDP it is dropped like any forged reply and the wait goes on; over TCP it is malformed.
    /// </param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A response, or a timeout / malformed / network status as data.</returns>
    /// <exception cref="OperationCanceledException">
    /// Only when <paramref name="cancellationToken"/> is cancelled, or the question's <see cref="DnsQuestion.Interest"/>
    /// was abandoned while the query waited for a slot (it was not sent).
    /// </exception>
    ValueTask<DnsExchangeResult> ExchangeAsync(DnsQuestion question, IPEndPoint server, TimeSpan timeout, bool requireExactCase, CancellationToken cancellationToken);
}

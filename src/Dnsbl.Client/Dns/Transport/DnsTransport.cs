using Dnsbl.Client.Dns.Protocol;
using System.Net;
using System.Runtime.CompilerServices;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>The production transport: UDP on shared sockets, and TCP when a UDP reply says TC=1 (RFC 7766 §5).</summary>
internal sealed class DnsTransport : IDnsTransport
{
    private readonly DnsUdpTransport _udp;
    private readonly DnsTcpTransport _tcp;

    /// <summary>Creates the transport; <paramref name="maxQueriesPerSocket"/> bounds each UDP socket's life.</summary>
    public DnsTransport(TimeProvider time, int maxQueriesPerSocket = DnsTransportConstants.MaxQueriesPerSocket)
    {
        _udp = new DnsUdpTransport(time, maxQueriesPerSocket);
        _tcp = new DnsTcpTransport(time);
    }

    /// <summary>Counters of the UDP side.</summary>
    public DnsTransportStatistics Statistics => _udp.Statistics;

    /// <summary>An exchange that matches the reply's question ASCII case-insensitively (no 0x20 check).</summary>
    public ValueTask<DnsExchangeResult> ExchangeAsync(DnsQuestion question, IPEndPoint server, TimeSpan timeout, CancellationToken cancellationToken) =>
        ExchangeAsync(question, server, timeout, requireExactCase: false, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>A TCP retry after TC=1 gets a fresh <paramref name="timeout"/>: connection set-up costs a round trip more.</remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // every UDP exchange passes here
    public async ValueTask<DnsExchangeResult> ExchangeAsync(DnsQuestion question, IPEndPoint server, TimeSpan timeout, bool requireExactCase, CancellationToken cancellationToken)
    {
        var result = await _udp.ExchangeAsync(question, server, timeout, requireExactCase, cancellationToken).ConfigureAwait(false);
        if (result.Status == DnsExchangeStatus.Response && result.Response!.Header.IsTruncated)
        {
            return await _tcp.ExchangeAsync(question, server, timeout, requireExactCase, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _udp.DisposeAsync();
}

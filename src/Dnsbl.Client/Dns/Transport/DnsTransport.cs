using System.Net;
using System.Runtime.CompilerServices;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// The production transport: UDP on shared sockets; TCP when a UDP reply says TC=1 (RFC 7766 §5); and one more try
/// without EDNS when a server answers the OPT record with FORMERR, NOTIMP or BADVERS (RFC 6891 §7). Follow-ups share
/// the attempt's one timeout.
/// </summary>
internal sealed class DnsTransport : IDnsTransport
{
    private readonly DnsUdpTransport _udp;
    private readonly DnsTcpTransport _tcp;
    private readonly TimeProvider _time;

    /// <summary>Creates the transport; <paramref name="maxQueriesPerSocket"/> bounds each UDP socket's life, <paramref name="maxQueriesInFlight"/> each nameserver's UDP slots.</summary>
    public DnsTransport(
        TimeProvider time,
        int maxQueriesPerSocket = DnsTransportConstants.MaxQueriesPerSocket,
        int maxTcpConnections = DnsTransportConstants.MaxTcpConnections,
        int maxQueriesInFlight = DnsTransportConstants.MaxQueriesInFlight)
    {
        _time = time;
        _udp = new DnsUdpTransport(time, maxQueriesPerSocket, maxQueriesInFlight);
        _tcp = new DnsTcpTransport(time, maxTcpConnections);
    }

    /// <summary>Counters of the UDP side.</summary>
    public DnsTransportStatistics Statistics => _udp.Statistics;

    /// <summary>TCP connections open now (bounded by the constructor's <c>maxTcpConnections</c>).</summary>
    public int OpenTcpConnections => _tcp.OpenConnections;

    /// <summary>An exchange that matches the reply's question ASCII case-insensitively (no 0x20 check).</summary>
    public ValueTask<DnsExchangeResult> ExchangeAsync(DnsQuestion question, IPEndPoint server, TimeSpan timeout, CancellationToken cancellationToken) =>
        ExchangeAsync(question, server, timeout, requireExactCase: false, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>A TCP retry after TC=1, or a retry without EDNS, gets what is left of <paramref name="timeout"/>.</remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // every UDP exchange passes here
    public async ValueTask<DnsExchangeResult> ExchangeAsync(DnsQuestion question, IPEndPoint server, TimeSpan timeout, bool requireExactCase, CancellationToken cancellationToken)
    {
        long started = _time.GetTimestamp();
        var result = await _udp.ExchangeAsync(question, server, timeout, requireExactCase, withEdns: true, cancellationToken).ConfigureAwait(false);
        bool withEdns = true;
        if (RejectsEdns(result))
        {
            if (Left(started, timeout) is not { } left)
            {
                return result;
            }

            withEdns = false;
            result = await _udp.ExchangeAsync(question, server, left, requireExactCase, withEdns: false, cancellationToken).ConfigureAwait(false);
        }

        if (result.Status == DnsExchangeStatus.Response && result.Response!.Header.IsTruncated)
        {
            return Left(started, timeout) is { } left
                ? await _tcp.ExchangeAsync(question, server, left, requireExactCase, withEdns, cancellationToken).ConfigureAwait(false)
                : DnsExchangeResult.TimedOut("the UDP reply was truncated and no time was left for TCP", usedTcp: true);
        }

        return result;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _udp.DisposeAsync();

    // RFC 6891 §7: a server that does not understand EDNS may answer FORMERR or NOTIMP (often without the question),
    // and one that does not speak our version answers BADVERS; each is asked once more without the OPT record.
    private static bool RejectsEdns(in DnsExchangeResult result) =>
        result.Status == DnsExchangeStatus.Response
        && result.Response!.ExtendedResponseCode is DnsResponseCode.FormatError or DnsResponseCode.NotImplemented or DnsResponseCode.BadVersion;

    private TimeSpan? Left(long started, TimeSpan timeout)
    {
        var left = timeout - _time.GetElapsedTime(started);
        return left > TimeSpan.Zero ? left : null;
    }
}

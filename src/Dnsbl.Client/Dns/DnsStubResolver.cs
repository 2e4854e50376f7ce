using System.Net;
using System.Runtime.CompilerServices;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Dns;

/// <summary>
/// The stub resolver: asks the configured nameservers in order, moving to the next one after a timeout, SERVFAIL,
/// REFUSED, a network error or a malformed reply, for at most Attempts × Servers tries. Every outcome is data.
/// </summary>
internal sealed partial class DnsStubResolver : IDnsResolver
{
    private readonly IDnsTransport _transport;
    private readonly bool _ownsTransport;
    private readonly ILogger _logger;

    /// <summary>Creates a resolver over <paramref name="transport"/> (disposed with the resolver when owned).</summary>
    public DnsStubResolver(DnsStubResolverOptions options, IDnsTransport transport, ILogger? logger = null, bool ownsTransport = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transport);
        Options = options;
        _transport = transport;
        _ownsTransport = ownsTransport;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The options this resolver was built with.</summary>
    public DnsStubResolverOptions Options { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The question's name breaks RFC 1035 limits (a caller bug, not a DNS outcome).</exception>
    public async ValueTask<DnsLookupResult> ResolveAsync(DnsQuestion question, CancellationToken cancellationToken)
    {
        _ = DnsName.Encode(question.Name, stackalloc byte[DnsProtocolLimits.MaxNameLength]);
        var servers = Options.Servers;
        int tries = Options.Attempts * servers.Count;
        DnsLookupResult? last = null;
        for (int attempt = 0; attempt < tries; attempt++)
        {
            var server = servers[attempt % servers.Count];
            last = await ExchangeOnceAsync(question, server, cancellationToken).ConfigureAwait(false);
            if (!ShouldTryNextServer(last.Status))
            {
                return last;
            }
        }

        // No log line here: a query name may hold a DQS key, and masking it is the lists' business (Lists/ZoneRedactor),
        // which Dns/ must not depend on. The lookup layer logs failures under the list's display name.
        return last!;
    }

    /// <summary>
    /// One attempt against one server with the configured attempt timeout, mapped to a result. The seam for an outer
    /// resilience pipeline that wants to own retries and failover.
    /// </summary>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // every cold lookup passes here
    public async ValueTask<DnsLookupResult> ExchangeOnceAsync(DnsQuestion question, IPEndPoint server, CancellationToken cancellationToken)
    {
        var exchange = Options.UseCaseRandomization
            ? await ExchangeWithRandomCaseAsync(question, server, cancellationToken).ConfigureAwait(false)
            : await _transport.ExchangeAsync(question, server, Options.AttemptTimeout, requireExactCase: false, cancellationToken).ConfigureAwait(false);
        return DnsResponseMapper.Map(question, exchange, server);
    }

    /// <summary>True for outcomes another server might answer better.</summary>
    public static bool ShouldTryNextServer(DnsLookupStatus status) => status is DnsLookupStatus.Timeout
        or DnsLookupStatus.ServerFailure or DnsLookupStatus.Refused or DnsLookupStatus.NetworkError or DnsLookupStatus.Malformed;

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _ownsTransport ? _transport.DisposeAsync() : ValueTask.CompletedTask;
}

using System.Net;
using System.Runtime.CompilerServices;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Dns;

/// <summary>
/// The stub resolver's single attempts: one question to one server with the configured attempt timeout, mapped to a
/// result as data. Attempts, failover and their log events belong to <c>Resilience/FailoverResolver</c>, the one loop.
/// </summary>
internal sealed partial class DnsStubResolver : IAsyncDisposable
{
    private readonly IDnsTransport _transport;
    private readonly bool _ownsTransport;

    /// <summary>Creates a resolver over <paramref name="transport"/> (disposed with the resolver when owned).</summary>
    public DnsStubResolver(DnsStubResolverOptions options, IDnsTransport transport, ILogger? logger = null, bool ownsTransport = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transport);
        Options = options;
        _transport = transport;
        _ownsTransport = ownsTransport;
        Logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The options this resolver was built with.</summary>
    public DnsStubResolverOptions Options { get; }

    /// <summary>Where attempts are logged (by the failover loop).</summary>
    public ILogger Logger { get; }

    /// <summary>Throws when <paramref name="question"/>'s name breaks RFC 1035 limits (a caller bug, not a DNS outcome).</summary>
    /// <exception cref="ArgumentException">The name cannot be encoded.</exception>
    public static void ThrowIfUnencodable(DnsQuestion question) =>
        _ = DnsName.Encode(question.Name, stackalloc byte[DnsProtocolLimits.MaxNameLength]);

    /// <summary>
    /// One attempt against one server with the configured attempt timeout, mapped to a result. The seam for an outer
    /// resilience pipeline that wants to own retries and failover.
    /// </summary>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled or the question's interest was abandoned.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // every cold lookup passes here
    public async ValueTask<DnsLookupResult> ExchangeOnceAsync(DnsQuestion question, IPEndPoint server, CancellationToken cancellationToken)
    {
        var exchange = Options.UseCaseRandomization
            ? await ExchangeWithRandomCaseAsync(question, server, cancellationToken).ConfigureAwait(false)
            : await _transport.ExchangeAsync(question, server, Options.AttemptTimeout, requireExactCase: false, cancellationToken).ConfigureAwait(false);
        return DnsResponseMapper.Map(question, exchange, server);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _ownsTransport ? _transport.DisposeAsync() : ValueTask.CompletedTask;
}

using System.Runtime.CompilerServices;
using Dnsbl.Client.Dns;
using Polly;
using Polly.Retry;

namespace Dnsbl.Client.Resilience;

/// <summary>
/// The resolver lookups and probes use: single attempts of the stub resolver, with a Polly retry that moves to the
/// next nameserver whenever an attempt times out or fails in a way another server might not (SERVFAIL, REFUSED, ...).
/// Its retry can also sit inside a longer pipeline (a list's circuit breaker, see <see cref="ListPipelines"/>), so a
/// lookup runs through one pipeline rather than two nested ones.
/// </summary>
internal sealed class FailoverResolver : IDnsResolver
{
    private readonly DnsStubResolver _stub;
    private readonly RetryStrategyOptions<DnsLookupResult>? _retry;
    private readonly ResiliencePipeline<DnsLookupResult> _pipeline;

    public FailoverResolver(DnsStubResolver stub, TimeProvider time)
    {
        _stub = stub;
        var retries = (stub.Options.Attempts * stub.Options.Servers.Count) - 1;

        // Polly refuses a retry strategy with no retries: one attempt at one server needs none.
        _retry = retries > 0
            ? new RetryStrategyOptions<DnsLookupResult>
            {
                // Each server gets the configured number of attempts, in turn.
                MaxRetryAttempts = retries,
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result is { } result && DnsStubResolver.ShouldTryNextServer(result.Status)),
            }
            : null;
        _pipeline = AddRetry(new ResiliencePipelineBuilder<DnsLookupResult> { TimeProvider = time }).Build();
    }

    /// <summary>Adds this resolver's failover retry (if it has one) as the next, inner strategy of <paramref name="builder"/>.</summary>
    public ResiliencePipelineBuilder<DnsLookupResult> AddRetry(ResiliencePipelineBuilder<DnsLookupResult> builder) =>
        _retry is null ? builder : builder.AddRetry(_retry);

    public ValueTask<DnsLookupResult> ResolveAsync(DnsQuestion question, CancellationToken cancellationToken) =>
        ResolveThroughAsync(_pipeline, question, cancellationToken);

    /// <summary>
    /// Runs this resolver's attempts through <paramref name="pipeline"/>, which must hold its retry (<see cref="AddRetry"/>).
    /// Exceptions of the pipeline's own strategies (an open circuit, the caller's cancellation) are thrown.
    /// </summary>
    // Polly's ExecuteOutcomeAsync with a pooled context and a pooled attempt adapter: the plain ExecuteAsync wraps every
    // call in two more async state machines, a measurable share of a cold lookup.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<DnsLookupResult> ResolveThroughAsync(ResiliencePipeline<DnsLookupResult> pipeline, DnsQuestion question, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            // One server (the usual local resolver) needs no count of attempts, so nothing is allocated for it.
            var attempts = _stub.Options.Servers.Count > 1 ? new AttemptCounter() : null;
            var outcome = await pipeline.ExecuteOutcomeAsync(static (context, state) => AttemptAsync(context, state), context, (this, question, attempts)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public ValueTask DisposeAsync() => _stub.DisposeAsync();

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<Outcome<DnsLookupResult>> AttemptAsync(ResilienceContext context, (FailoverResolver Owner, DnsQuestion Question, AttemptCounter? Attempts) state)
    {
        var servers = state.Owner._stub.Options.Servers;
        var server = state.Attempts is { } attempts ? servers[attempts.Next() % servers.Count] : servers[0];
        try
        {
            return Outcome.FromResult(await state.Owner._stub.ExchangeOnceAsync(state.Question, server, context.CancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            // Outcome-returning callbacks must not throw: Polly's strategies judge the exception as an outcome.
            return Outcome.FromException<DnsLookupResult>(exception);
        }
    }

    /// <summary>Which attempt of one lookup comes next, so successive attempts walk the servers in turn.</summary>
    private sealed class AttemptCounter
    {
        private int _attempt;

        public int Next() => _attempt++;
    }
}

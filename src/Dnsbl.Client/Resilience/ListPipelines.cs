using System.Runtime.CompilerServices;
using Dnsbl.Client.Dns;
using Polly;
using Polly.CircuitBreaker;

namespace Dnsbl.Client.Resilience;

/// <summary>
/// One Polly pipeline per list: a circuit breaker that opens when a list's queries keep failing, so a broken list is
/// skipped fast (and reported as skipped, never as clean) instead of costing every check its timeout. It judges each
/// lookup's final result, after the resolver's own failover.
/// </summary>
internal sealed class ListPipelines
{
    private readonly ResiliencePipeline<DnsLookupResult>[] _pipelines;

    public ListPipelines(int count, TimeProvider time)
    {
        _pipelines = new ResiliencePipeline<DnsLookupResult>[count];
        for (var i = 0; i < count; i++)
        {
            _pipelines[i] = new ResiliencePipelineBuilder<DnsLookupResult> { TimeProvider = time }
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions<DnsLookupResult>
                {
                    FailureRatio = ResilienceConstants.FailureRatio,
                    MinimumThroughput = ResilienceConstants.MinimumThroughput,
                    SamplingDuration = ResilienceConstants.SamplingDuration,
                    BreakDuration = ResilienceConstants.BreakDuration,
                    ShouldHandle = static args => ValueTask.FromResult(IsFailure(args.Outcome)),
                })
                .Build();
        }
    }

    /// <summary>Resolves through the breaker of list <paramref name="slot"/>; throws <see cref="BrokenCircuitException"/> while it is open.</summary>
    // ExecuteOutcomeAsync with a pooled context and a pooled adapter: Polly's ExecuteAsync wraps every call in two more
    // async state machines, a measurable share of a cold lookup.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<DnsLookupResult> ResolveAsync(int slot, IDnsResolver resolver, DnsQuestion question, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var outcome = await _pipelines[slot].ExecuteOutcomeAsync(static (context, state) => ResolveOutcomeAsync(context, state), context, (resolver, question)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<Outcome<DnsLookupResult>> ResolveOutcomeAsync(ResilienceContext context, (IDnsResolver Resolver, DnsQuestion Question) state)
    {
        try
        {
            return Outcome.FromResult(await state.Resolver.ResolveAsync(state.Question, context.CancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            // Outcome-returning callbacks must not throw: the breaker judges the exception as an outcome.
            return Outcome.FromException<DnsLookupResult>(exception);
        }
    }

    private static bool IsFailure(Outcome<DnsLookupResult> outcome) =>
        outcome.Exception is not null and not OperationCanceledException
        || outcome.Result?.Status is DnsLookupStatus.Timeout or DnsLookupStatus.ServerFailure or DnsLookupStatus.NetworkError;
}

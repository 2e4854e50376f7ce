using Dnsbl.Client.Dns;
using Polly;
using Polly.CircuitBreaker;

namespace Dnsbl.Client.Resilience;

/// <summary>
/// One Polly pipeline per list: a circuit breaker that opens when a list's queries keep failing, so a broken list is
/// skipped fast (and reported as skipped, never as clean) instead of costing every check its timeout. With the
/// production resolver the pipeline also holds its failover retry, inside the breaker: the breaker judges the lookup's
/// final result, exactly as when it wrapped the whole resolver, at the cost of one pipeline instead of two.
/// </summary>
internal sealed class ListPipelines
{
    private readonly ResiliencePipeline<DnsLookupResult>[] _pipelines;
    private readonly FailoverResolver? _failover;

    public ListPipelines(int count, IDnsResolver resolver, TimeProvider time)
    {
        _failover = resolver as FailoverResolver;
        _pipelines = new ResiliencePipeline<DnsLookupResult>[count];
        for (var i = 0; i < count; i++)
        {
            var builder = new ResiliencePipelineBuilder<DnsLookupResult> { TimeProvider = time }
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions<DnsLookupResult>
                {
                    FailureRatio = ResilienceConstants.FailureRatio,
                    MinimumThroughput = ResilienceConstants.MinimumThroughput,
                    SamplingDuration = ResilienceConstants.SamplingDuration,
                    BreakDuration = ResilienceConstants.BreakDuration,
                    ShouldHandle = static args => ValueTask.FromResult(IsFailure(args.Outcome)),
                });
            _pipelines[i] = (_failover?.AddRetry(builder) ?? builder).Build();
        }
    }

    /// <summary>
    /// Resolves through the breaker of list <paramref name="slot"/>; throws <see cref="BrokenCircuitException"/> while it
    /// is open. <paramref name="resolver"/> is the one the pipelines were built for (its retry may be inside them).
    /// </summary>
    public ValueTask<DnsLookupResult> ResolveAsync(int slot, IDnsResolver resolver, DnsQuestion question, CancellationToken cancellationToken)
    {
        if (_failover is not null && ReferenceEquals(resolver, _failover))
        {
            return _failover.ResolveThroughAsync(_pipelines[slot], question, cancellationToken);
        }

        return _pipelines[slot].ExecuteAsync(
            static (state, token) => state.resolver.ResolveAsync(state.question, token),
            (resolver, question),
            cancellationToken);
    }

    private static bool IsFailure(Outcome<DnsLookupResult> outcome) =>
        outcome.Exception is not null and not OperationCanceledException
        || outcome.Result?.Status is DnsLookupStatus.Timeout or DnsLookupStatus.ServerFailure or DnsLookupStatus.NetworkError;
}

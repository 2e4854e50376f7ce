using Dnsbl.Client.Dns;
using Polly;
using Polly.CircuitBreaker;

namespace Dnsbl.Client.Resilience;

/// <summary>
/// One Polly pipeline per list: a circuit breaker that opens when a list's queries keep failing, so a broken list is
/// skipped fast (and reported as skipped, never as clean) instead of costing every check its timeout.
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

    public ValueTask<DnsLookupResult> ResolveAsync(int slot, IDnsResolver resolver, DnsQuestion question, CancellationToken cancellationToken) =>
        _pipelines[slot].ExecuteAsync(
            static (state, token) => state.resolver.ResolveAsync(state.question, token),
            (resolver, question),
            cancellationToken);

    private static bool IsFailure(Outcome<DnsLookupResult> outcome) =>
        outcome.Exception is not null and not OperationCanceledException
        || outcome.Result?.Status is DnsLookupStatus.Timeout or DnsLookupStatus.ServerFailure or DnsLookupStatus.NetworkError;
}

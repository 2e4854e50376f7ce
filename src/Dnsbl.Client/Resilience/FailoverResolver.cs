using Dnsbl.Client.Dns.Protocol;
using System.Runtime.CompilerServices;
using Dnsbl.Client.Dns;
using Polly;
using Polly.Retry;

namespace Dnsbl.Client.Resilience;

/// <summary>
/// The resolver lookups and probes use: single attempts of the stub resolver, moving to the next nameserver whenever an
/// attempt times out or fails in a way another server might not (SERVFAIL, REFUSED, ...). The first attempt is made
/// directly; only when it fails do the remaining attempts run through a Polly retry.
/// </summary>
/// <remarks>
/// Almost every lookup is answered by its first attempt, and a Polly retry costs even a call it never retries a few
/// microseconds — as much again as the UDP exchange itself (measured in benchmarks/README.md) — so the pipeline is kept
/// for the failover it exists for.
/// </remarks>
internal sealed class FailoverResolver : IDnsResolver
{
    private readonly DnsStubResolver _stub;
    private readonly ResiliencePipeline<DnsLookupResult>? _failover;

    public FailoverResolver(DnsStubResolver stub, TimeProvider time)
    {
        _stub = stub;
        var remainingAttempts = (stub.Options.Attempts * stub.Options.Servers.Count) - 1;

        // The pipeline makes the second attempt, then retries the rest; Polly refuses a retry strategy of no retries.
        _failover = remainingAttempts switch
        {
            0 => null,
            1 => ResiliencePipeline<DnsLookupResult>.Empty,
            _ => new ResiliencePipelineBuilder<DnsLookupResult> { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions<DnsLookupResult>
                {
                    // Each server gets the configured number of attempts, in turn.
                    MaxRetryAttempts = remainingAttempts - 1,
                    Delay = TimeSpan.Zero,
                    BackoffType = DelayBackoffType.Constant,
                    ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result is { } result && DnsStubResolver.ShouldTryNextServer(result.Status)),
                })
                .Build(),
        };
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<DnsLookupResult> ResolveAsync(DnsQuestion question, CancellationToken cancellationToken)
    {
        var servers = _stub.Options.Servers;
        var first = await _stub.ExchangeOnceAsync(question, servers[0], cancellationToken).ConfigureAwait(false);
        if (_failover is null || !DnsStubResolver.ShouldTryNextServer(first.Status))
        {
            return first;
        }

        return await _failover.ExecuteAsync(
            static (state, token) => state.Owner._stub.ExchangeOnceAsync(state.Question, state.Owner.NextServer(state.Attempts), token),
            (Owner: this, Question: question, Attempts: new AttemptCounter(firstAttempt: 1)),
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _stub.DisposeAsync();

    private System.Net.IPEndPoint NextServer(AttemptCounter attempts)
    {
        var servers = _stub.Options.Servers;
        return servers[attempts.Next() % servers.Count];
    }

    /// <summary>Which attempt of one lookup comes next, so successive attempts walk the servers in turn.</summary>
    private sealed class AttemptCounter(int firstAttempt)
    {
        private int _attempt = firstAttempt;

        public int Next() => _attempt++;
    }
}

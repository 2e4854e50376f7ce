using Dnsbl.Client.Dns;
using Polly;
using Polly.Retry;

namespace Dnsbl.Client.Resilience;

/// <summary>
/// The resolver lookups and probes use: single attempts of the stub resolver, with a Polly retry that moves to the
/// next nameserver whenever an attempt times out or fails in a way another server might not (SERVFAIL, REFUSED, ...).
/// </summary>
internal sealed class FailoverResolver : IDnsResolver
{
    private readonly DnsStubResolver _stub;
    private readonly ResiliencePipeline<DnsLookupResult> _pipeline;

    public FailoverResolver(DnsStubResolver stub, TimeProvider time)
    {
        _stub = stub;
        var servers = stub.Options.Servers.Count;
        var retries = (stub.Options.Attempts * servers) - 1;
        var builder = new ResiliencePipelineBuilder<DnsLookupResult> { TimeProvider = time };

        // Polly refuses a retry strategy with no retries: one attempt at one server needs none.
        if (retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<DnsLookupResult>
            {
                // Each server gets the configured number of attempts, in turn.
                MaxRetryAttempts = retries,
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result is { } result && DnsStubResolver.ShouldTryNextServer(result.Status)),
            });
        }

        _pipeline = builder.Build();
    }

    public ValueTask<DnsLookupResult> ResolveAsync(DnsQuestion question, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(
            static (state, token) => state.Next(token),
            new Attempts(_stub, question),
            cancellationToken);

    public ValueTask DisposeAsync() => _stub.DisposeAsync();

    /// <summary>Which server the next attempt of one lookup goes to.</summary>
    private sealed class Attempts(DnsStubResolver stub, DnsQuestion question)
    {
        private int _attempt;

        public ValueTask<DnsLookupResult> Next(CancellationToken cancellationToken)
        {
            var servers = stub.Options.Servers;
            var server = servers[_attempt++ % servers.Count];
            return stub.ExchangeOnceAsync(question, server, cancellationToken);
        }
    }
}

using System.Net;
using System.Runtime.CompilerServices;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Lists;
using Microsoft.Extensions.Logging;
using Polly.Retry;
using Polly;

namespace Dnsbl.Client.Resilience;

/// <summary>
/// The one failover loop, used by lookups and probes: single attempts of the stub resolver, moving to the next
/// nameserver whenever an attempt fails (<see cref="DnsLookupStatusExtensions.IsFailure"/>), for at most
/// Attempts × Servers tries. The first attempt is made directly; only when it fails do the rest run through a Polly retry.
/// With resolv.conf's <c>rotate</c>, each lookup starts at the next server in turn.
/// </summary>
/// <remarks>
/// Almost every lookup is answered by its first attempt, and a Polly retry costs even a call it never retries a few
/// microseconds — as much again as the UDP exchange itself (measured in benchmarks/README.md) — so the pipeline is kept
/// for the failover it exists for.
/// </remarks>
internal sealed partial class FailoverResolver : IDnsResolver
{
    private readonly DnsStubResolver _stub;
    private readonly ResiliencePipeline<DnsLookupResult>? _failover;
    private int _rotation;

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
                    ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result is { } result && result.Status.IsFailure()),
                })
                .Build(),
        };
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The question's name breaks RFC 1035 limits (a caller bug, not a DNS outcome).</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<DnsLookupResult> ResolveAsync(DnsQuestion question, CancellationToken cancellationToken)
    {
        DnsStubResolver.ThrowIfUnencodable(question);
        var servers = _stub.Options.Servers;
        int start = _stub.Options.Rotate && servers.Count > 1 ? (int)((uint)Interlocked.Increment(ref _rotation) % (uint)servers.Count) : 0;
        var first = await _stub.ExchangeOnceAsync(question, servers[start], cancellationToken).ConfigureAwait(false);
        if (!first.Status.IsFailure())
        {
            return first;
        }

        LogAttemptFailed(question, 1, servers[start], first);
        var last = _failover is null
            ? first
            : await _failover.ExecuteAsync(
                static (state, token) => state.Owner.AttemptAsync(state.Question, state.Attempts, token),
                (Owner: this, Question: question, Attempts: new AttemptCounter(start, firstAttempt: 1)),
                cancellationToken).ConfigureAwait(false);
        var logger = _stub.Logger;
        if (last.Status.IsFailure() && logger.IsEnabled(LogLevel.Debug))
        {
            var shown = ZoneRedactor.Redact(question.Name);
            Log.LookupFailed(logger, shown, question.Type, _stub.Options.Attempts * servers.Count, last.Status);
        }

        return last;
    }

    public ValueTask DisposeAsync() => _stub.DisposeAsync();

    private async ValueTask<DnsLookupResult> AttemptAsync(DnsQuestion question, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        var servers = _stub.Options.Servers;
        // A retry nobody waits for any more is not sent (a first attempt already sent still fills the cache).
        if (question.Interest is { } interest && interest.TryGiveUp())
        {
            throw new OperationCanceledException("every check waiting for this lookup had ended before its next attempt", interest.Abandoned);
        }

        var attempt = attempts.Next();
        var server = servers[(attempts.Start + attempt) % servers.Count];
        var result = await _stub.ExchangeOnceAsync(question, server, cancellationToken).ConfigureAwait(false);
        if (result.Status.IsFailure())
        {
            LogAttemptFailed(question, attempt + 1, server, result);
        }

        return result;
    }

    private void LogAttemptFailed(DnsQuestion question, int attempt, IPEndPoint server, DnsLookupResult result)
    {
        var logger = _stub.Logger;
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // A DQS key in the name must not reach the logs.
            var shown = ZoneRedactor.Redact(question.Name);
            Log.AttemptFailed(logger, shown, question.Type, attempt, server, result.Status, result.Detail);
        }
    }

    /// <summary>Which attempt of one lookup comes next, so successive attempts walk the servers in turn from the first one asked.</summary>
    private sealed class AttemptCounter(int start, int firstAttempt)
    {
        private int _attempt = firstAttempt;

        public int Start { get; } = start;

        public int Next() => _attempt++;
    }
}

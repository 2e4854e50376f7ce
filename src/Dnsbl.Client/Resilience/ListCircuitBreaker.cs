using Dnsbl.Client.Dns;

namespace Dnsbl.Client.Resilience;

/// <summary>
/// One list's circuit breaker: when nearly every lookup of a busy sampling window fails (after the resolver's own
/// failover), the list is skipped for a break instead of costing every check its timeout. After the break one trial
/// lookup is let through: an answer closes the circuit, a failure opens it for another break.
/// </summary>
/// <remarks>
/// Polly's breaker had the same rules but cost a cold lookup three async state machines, a context and ~1.3 µs
/// (benchmarks/README.md), on a path that otherwise takes ~10 µs. Here a closed circuit costs a volatile read to
/// enter and an interlocked increment to count an answer (failures take a short lock). Outcomes are counted in <see cref="Buckets"/> slices of the sampling
/// window, so old ones slide out without a timer. Time is the <see cref="TimeProvider"/>'s timestamp, given by the caller
/// (the lookup already reads it for its latency).
/// </remarks>
internal sealed partial class ListCircuitBreaker
{
    private const int Buckets = 10;

    private readonly Lock _gate = new();
    private readonly double _failureRatio;
    private readonly int _minimumThroughput;
    private readonly long _bucketTicks;
    private readonly long _breakTicks;
    private readonly Bucket[] _buckets = new Bucket[Buckets];
    private volatile int _state; // CircuitState, read without the lock on the hot path
    private long _openUntil;

    /// <summary>Creates a closed breaker with the given rules; durations are measured in <paramref name="time"/>'s timestamps.</summary>
    public ListCircuitBreaker(TimeProvider time, double failureRatio, int minimumThroughput, TimeSpan samplingDuration, TimeSpan breakDuration)
    {
        _failureRatio = failureRatio;
        _minimumThroughput = minimumThroughput;
        _bucketTicks = Math.Max(1, ToTicks(time, samplingDuration) / Buckets);
        _breakTicks = ToTicks(time, breakDuration);
        BreakDuration = breakDuration;
    }

    /// <summary>Creates a breaker with the library's defaults (<see cref="ResilienceConstants"/>).</summary>
    public ListCircuitBreaker(TimeProvider time)
        : this(time, ResilienceConstants.FailureRatio, ResilienceConstants.MinimumThroughput, ResilienceConstants.SamplingDuration, ResilienceConstants.BreakDuration)
    {
    }

    /// <summary>How long an opened circuit skips the list before its trial lookup.</summary>
    public TimeSpan BreakDuration { get; }

    private enum CircuitState
    {
        Closed,
        Open,
        HalfOpen,
    }

    /// <summary>Whether a lookup may be made at <paramref name="now"/>; false while the circuit is open.</summary>
    /// <param name="now">The <see cref="TimeProvider"/> timestamp.</param>
    /// <param name="isTrial">True for the one lookup let through after a break: it must be reported with <see cref="Record"/>.</param>
    public bool TryEnter(long now, out bool isTrial)
    {
        isTrial = false;
        if (_state == (int)CircuitState.Closed)
        {
            return true;
        }

        lock (_gate)
        {
            switch ((CircuitState)_state)
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.Open when now >= _openUntil:
                    _state = (int)CircuitState.HalfOpen;
                    isTrial = true;
                    return true;
                default:
                    return false; // open, or a trial is already under way
            }
        }
    }

    /// <summary>Counts one entered lookup's result.</summary>
    /// <param name="result">Whether the lookup was answered, failed, or ended without a verdict (cancelled).</param>
    /// <param name="now">The <see cref="TimeProvider"/> timestamp when it ended.</param>
    /// <param name="isTrial">What <see cref="TryEnter"/> said.</param>
    /// <returns>Whether the circuit opened or closed because of it.</returns>
    public CircuitTransition Record(LookupVerdict result, long now, bool isTrial)
    {
        if (result == LookupVerdict.Answered && !isTrial && TryCountAnswerWithoutLock(now))
        {
            return CircuitTransition.None;
        }

        lock (_gate)
        {
            if (isTrial)
            {
                return EndTrial(result, now);
            }

            if (result == LookupVerdict.NoVerdict || _state != (int)CircuitState.Closed)
            {
                return CircuitTransition.None; // a lookup that entered before the circuit opened has nothing left to decide
            }

            var epoch = now / _bucketTicks;
            ref var bucket = ref _buckets[(int)(epoch % Buckets)];
            if (bucket.Epoch != epoch)
            {
                bucket = new Bucket { Epoch = epoch };
            }

            Interlocked.Increment(ref bucket.Total); // answers are counted without the lock too
            if (result == LookupVerdict.Failed)
            {
                bucket.Failures++;
                return OpenIfFailing(epoch, now);
            }

            return CircuitTransition.None;
        }
    }

    private CircuitTransition EndTrial(LookupVerdict result, long now)
    {
        switch (result)
        {
            case LookupVerdict.Answered:
                Array.Clear(_buckets);
                _state = (int)CircuitState.Closed;
                return CircuitTransition.Closed;
            case LookupVerdict.Failed:
                Open(now);
                return CircuitTransition.Opened;
            default:
                // A cancelled trial proved nothing: the next lookup becomes the trial.
                _openUntil = now;
                _state = (int)CircuitState.Open;
                return CircuitTransition.None;
        }
    }

    private void Open(long now)
    {
        _openUntil = now + _breakTicks;
        _state = (int)CircuitState.Open;
    }

    /// <summary>
    /// How a lookup's final result (after failover) counts: a failure (<see cref="DnsLookupStatusExtensions.IsFailure"/>)
    /// counts against the list, except local overload, which says nothing about it.
    /// </summary>
    public static LookupVerdict Judge(DnsLookupResult result) =>
        result.Status.IsLocal() ? LookupVerdict.NoVerdict
        : result.Status.IsFailure() ? LookupVerdict.Failed
        : LookupVerdict.Answered;

    private static long ToTicks(TimeProvider time, TimeSpan duration) =>
        (long)(duration.TotalSeconds * time.TimestampFrequency);
}

namespace Dnsbl.Client.Resilience;

// The sampling window: outcomes counted in Buckets slices by epoch, so old ones slide out without a timer.
internal sealed partial class ListCircuitBreaker
{
    // Nearly every lookup is answered while the circuit is closed: counting those takes no lock. The bucket's epoch
    // is checked first; one that another thread is just starting (under the lock) may lose this count, and a lost
    // answer only makes the failure ratio look a hair worse for one sampling window.
    private bool TryCountAnswerWithoutLock(long now)
    {
        if (_state != (int)CircuitState.Closed)
        {
            return false;
        }

        var epoch = now / _bucketTicks;
        ref var bucket = ref _buckets[(int)(epoch % Buckets)];
        if (Volatile.Read(ref bucket.Epoch) != epoch)
        {
            return false;
        }

        Interlocked.Increment(ref bucket.Total);
        return true;
    }

    private CircuitTransition OpenIfFailing(long epoch, long now)
    {
        int total = 0, failures = 0;
        foreach (var bucket in _buckets)
        {
            if (epoch - bucket.Epoch < Buckets)
            {
                total += bucket.Total;
                failures += bucket.Failures;
            }
        }

        if (total >= _minimumThroughput && failures >= _failureRatio * total)
        {
            Open(now);
            return CircuitTransition.Opened;
        }

        return CircuitTransition.None;
    }

    private struct Bucket
    {
        public long Epoch;
        public int Total;
        public int Failures;
    }
}

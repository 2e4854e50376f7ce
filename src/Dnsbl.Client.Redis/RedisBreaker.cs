namespace Dnsbl.Client.Redis;

/// <summary>
/// Keeps checks away from a Redis that keeps failing: when a sampling window holds at least <c>failuresToBreak</c>
/// failures (errors or timeouts) and they are at least half of its requests, Redis is bypassed for
/// <c>breakDuration</c>; then one trial request is let through, and its success closes the breaker.
/// </summary>
/// <remarks>
/// A ratio, not failures in a row: a burst of hundreds of concurrent checks on a busy machine sees a few replies pass
/// the timeout together, and "three in a row" then broke sharing for a whole bulk run. A closed breaker costs a
/// volatile read to enter and an interlocked increment per request; a failure takes a short lock.
/// </remarks>
internal sealed class RedisBreaker(int failuresToBreak, TimeSpan breakDuration, TimeProvider time)
{
    private readonly long _breakTicks = (long)(breakDuration.TotalSeconds * time.TimestampFrequency);
    private readonly long _windowTicks = (long)(RedisConstants.SamplingWindow.TotalSeconds * time.TimestampFrequency);
    private readonly Lock _gate = new();
    private long _windowStart = time.GetTimestamp();
    private int _requests;
    private int _failures;
    private long _openUntil;
    private int _trialRunning;

    /// <summary>Whether the breaker is open now (Redis bypassed).</summary>
    public bool IsOpen => Volatile.Read(ref _openUntil) != 0;

    /// <summary>True when a request may go to Redis; <paramref name="isTrial"/> marks the one request after a break.</summary>
    public bool TryEnter(out bool isTrial)
    {
        isTrial = false;
        var openUntil = Volatile.Read(ref _openUntil);
        if (openUntil == 0)
        {
            Interlocked.Increment(ref _requests);
            return true;
        }

        if (time.GetTimestamp() < openUntil || Interlocked.CompareExchange(ref _trialRunning, 1, 0) != 0)
        {
            return false;
        }

        isTrial = true;
        return true;
    }

    public void Succeeded(bool isTrial)
    {
        if (isTrial)
        {
            lock (_gate)
            {
                StartWindow(time.GetTimestamp());
                Volatile.Write(ref _openUntil, 0);
                Volatile.Write(ref _trialRunning, 0);
            }
        }
    }

    /// <summary>Counts a failure; true when it opened (or re-opened) the breaker.</summary>
    public bool Failed(bool isTrial)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (now - _windowStart > _windowTicks)
            {
                StartWindow(now);
                Interlocked.Increment(ref _requests);
            }

            _failures++;
            if (isTrial || (_failures >= failuresToBreak && _failures * 2 >= Volatile.Read(ref _requests)))
            {
                Volatile.Write(ref _openUntil, now + _breakTicks);
                Volatile.Write(ref _trialRunning, 0);
                StartWindow(now);
                return true;
            }

            return false;
        }
    }

    private void StartWindow(long now)
    {
        _windowStart = now;
        _failures = 0;
        Volatile.Write(ref _requests, 0);
    }
}

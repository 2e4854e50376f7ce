namespace Dnsbl.Client.Redis;

/// <summary>
/// Keeps checks away from a Redis that keeps failing: after <c>failuresToBreak</c> failures in a row (errors or
/// timeouts) Redis is bypassed for <c>breakDuration</c>; then one trial request is let through, and its success
/// closes the breaker. A closed breaker costs a volatile read.
/// </summary>
internal sealed class RedisBreaker(int failuresToBreak, TimeSpan breakDuration, TimeProvider time)
{
    private readonly long _breakTicks = (long)(breakDuration.TotalSeconds * time.TimestampFrequency);
    private int _failuresInRow;
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
        if (Volatile.Read(ref _failuresInRow) != 0)
        {
            Volatile.Write(ref _failuresInRow, 0);
        }

        if (isTrial)
        {
            Volatile.Write(ref _openUntil, 0);
            Volatile.Write(ref _trialRunning, 0);
        }
    }

    /// <summary>Counts a failure; true when it opened (or re-opened) the breaker.</summary>
    public bool Failed(bool isTrial)
    {
        if (isTrial || Interlocked.Increment(ref _failuresInRow) >= failuresToBreak)
        {
            Volatile.Write(ref _openUntil, time.GetTimestamp() + _breakTicks);
            Volatile.Write(ref _failuresInRow, 0);
            Volatile.Write(ref _trialRunning, 0);
            return true;
        }

        return false;
    }
}

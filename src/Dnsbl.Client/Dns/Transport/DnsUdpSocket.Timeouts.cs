namespace Dnsbl.Client.Dns.Transport;

internal sealed partial class DnsUdpSocket
{
    private readonly ITimer _sweepTimer;
    private long _nextSweepTimestamp = long.MaxValue;

    /// <summary>Makes the one sweep timer fire by <paramref name="deadline"/> (caller holds the lock).</summary>
    private void ScheduleSweep(long deadline)
    {
        if (deadline >= _nextSweepTimestamp)
        {
            return;
        }

        _nextSweepTimestamp = deadline;
        var dueIn = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
        _sweepTimer.Change(dueIn < DnsTransportConstants.TimeoutResolution ? DnsTransportConstants.TimeoutResolution : dueIn, Timeout.InfiniteTimeSpan);
    }

    private void SweepTimeouts()
    {
        List<PendingDnsQuery>? expired = null;
        bool drained;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            long now = _time.GetTimestamp();
            long next = long.MaxValue;
            foreach (var pending in _pending.Values)
            {
                if (pending.DeadlineTimestamp <= now)
                {
                    (expired ??= []).Add(pending);
                }
                else
                {
                    next = Math.Min(next, pending.DeadlineTimestamp);
                }
            }

            foreach (var pending in expired ?? [])
            {
                _pending.Remove(pending.Id);
            }

            _nextSweepTimestamp = long.MaxValue;
            if (next != long.MaxValue)
            {
                ScheduleSweep(next);
            }

            drained = _retiring && _pending.Count == 0;
        }

        foreach (var pending in expired ?? [])
        {
            pending.ReturnSlots();
            pending.Complete(DnsExchangeResult.TimedOut());
        }

        if (drained)
        {
            Close();
        }
    }
}

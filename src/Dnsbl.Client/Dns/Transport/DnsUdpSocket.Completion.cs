namespace Dnsbl.Client.Dns.Transport;

internal sealed partial class DnsUdpSocket
{
    private void TryCancel(PendingDnsQuery pending, CancellationToken cancellationToken)
    {
        if (TryRemove(pending, pending.Version))
        {
            pending.Cancel(cancellationToken);
        }
    }

    private void TryComplete(PendingDnsQuery pending, short version, DnsExchangeResult result)
    {
        if (TryRemove(pending, version))
        {
            pending.Complete(result);
        }
    }

    /// <summary>Removing from the table is the one gate to completion: whoever removes, completes.</summary>
    private bool TryRemove(PendingDnsQuery pending, short version)
    {
        bool drained;
        lock (_gate)
        {
            if (pending.Version != version || !_pending.TryGetValue(pending.Id, out var current) || !ReferenceEquals(current, pending))
            {
                return false;
            }

            _pending.Remove(pending.Id);
            drained = _retiring && _pending.Count == 0;
        }

        pending.ReturnSlots();

        if (drained)
        {
            Close();
        }

        return true;
    }

    private void Close(string reason = "the socket was closed")
    {
        List<PendingDnsQuery> orphans;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            orphans = [.. _pending.Values];
            _pending.Clear();
        }

        _sweepTimer.Dispose();
        _receiver.Leave(this); // the receiver disposes the socket once no wait watches it
        foreach (var orphan in orphans)
        {
            orphan.ReturnSlots();
            orphan.Complete(DnsExchangeResult.NetworkFailure(reason));
        }
    }
}

using System.Runtime.CompilerServices;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Dns.Transport;

// Waiting for a slot: the asker's share first, then the server's, both within the attempt's timeout.
internal sealed partial class DnsUdpTransport
{
    /// <summary>Waits for the asker's share (unless held) and then the server's slot, both within the attempt's timeout.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<DnsExchangeResult> WaitForSlotsThenBeginAsync(UdpQuery query, bool holdsShare, TimeSpan timeout, CancellationToken cancellationToken)
    {
        long started = _time.GetTimestamp();
        using var expiry = new CancellationTokenSource(timeout, _time);
        using var linked = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), expiry)
            : default;

        // Every check waiting for the answer has ended: the query leaves the line at once instead of being sent later.
        using var abandoned = query.Question.Interest is { } interest
            ? interest.Abandoned.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), expiry)
            : default;
        bool holdsServer = false;
        try
        {
            if (!holdsShare && !(holdsShare = await query.Share!.TakeAsync(expiry.Token).ConfigureAwait(false)))
            {
                Statistics.CountShedQuery();
                return DnsExchangeResult.Overloaded($"the line of this list's queries waiting for {query.Server} is full");
            }

            if (!(holdsServer = await query.Nameserver.Slots.TakeAsync(expiry.Token).ConfigureAwait(false)))
            {
                Statistics.CountShedQuery();
                query.Share?.Return();
                return DnsExchangeResult.Overloaded($"the line of queries waiting for {query.Server} is full");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            ReturnHeld(query, holdsShare, holdsServer);
            ThrowIfAbandoned(query.Question);
            return DnsExchangeResult.TimedOut("no query slot for the server came free within the attempt timeout");
        }
        catch (OperationCanceledException)
        {
            ReturnHeld(query, holdsShare, holdsServer);
            throw;
        }

        if (cancellationToken.IsCancellationRequested || query.Question.Interest?.TryGiveUp() == true)
        {
            ReturnHeld(query, holdsShare, holdsServer); // the slot came just as the caller (or every waiter) gave up
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfAbandoned(query.Question);
        }

        var left = timeout - _time.GetElapsedTime(started);
        if (left <= TimeSpan.Zero)
        {
            ReturnHeld(query, holdsShare, holdsServer);
            return DnsExchangeResult.TimedOut("no query slot for the server came free within the attempt timeout");
        }

        return await Begin(query, left, cancellationToken).ConfigureAwait(false);
    }

    private void ThrowIfAbandoned(in DnsQuestion question)
    {
        // A check that joined meanwhile revived it: the query left the line all the same, and this attempt times out.
        if (question.Interest is { } interest && interest.TryGiveUp())
        {
            Statistics.CountAbandonedQuery();
            throw new OperationCanceledException("every check waiting for this query had ended while it waited for a slot", interest.Abandoned);
        }
    }

    private static void ReturnHeld(in UdpQuery query, bool holdsShare, bool holdsServer)
    {
        if (holdsServer)
        {
            query.Nameserver.Slots.Return();
        }

        if (holdsShare)
        {
            query.Share?.Return();
        }
    }
}

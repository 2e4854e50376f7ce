using System.Net.Sockets;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Dns.Transport;

// Registering a query under a fresh random ID, and sending it.
internal sealed partial class DnsUdpSocket
{
    /// <summary>
    /// Registers a query with a fresh ID unique on this socket, unless the socket has reached its query budget, is
    /// retiring or is closed — then the caller must move to a new socket. With <see cref="UdpQuery.RequireExactCase"/>,
    /// only a reply echoing the question name letter for letter matches (0x20).
    /// </summary>
    public bool TryBegin(in UdpQuery query, TimeSpan timeout, out PendingDnsQuery? pending)
    {
        long now = _time.GetTimestamp();
        long deadline = now + (long)(timeout.TotalSeconds * _time.TimestampFrequency);
        lock (_gate)
        {
            if (_closed || _retiring || _queriesStarted >= _maxQueries || now >= _retireAt)
            {
                pending = null;
                return false;
            }

            _queriesStarted++;
            ushort id;
            do
            {
                id = DnsQueryId.Next();
            }
            while (_pending.ContainsKey(id)); // at most maxQueries of 65,536 IDs are taken, so this ends quickly

            pending = PendingDnsQuery.Rent(this, id, query, deadline);
            _pending.Add(id, pending);
            ScheduleSweep(deadline);
            return true;
        }
    }

    /// <summary>
    /// Sends the registered query and returns the wait for its completion (reply, timeout, cancellation or close).
    /// The send is synchronous: the kernel queues a datagram or fails at once.
    /// </summary>
    public ValueTask<DnsExchangeResult> SendAndWaitAsync(PendingDnsQuery pending, CancellationToken cancellationToken)
    {
        short version = pending.Version;
        if (cancellationToken.CanBeCanceled)
        {
            pending.CancellationRegistration = cancellationToken.UnsafeRegister(
                static (state, token) => ((PendingDnsQuery)state!).Owner.TryCancel((PendingDnsQuery)state!, token),
                pending);
        }

        Span<byte> buffer = stackalloc byte[DnsQueryWriter.MaxQueryLength];
        int length;
        try
        {
            length = DnsQueryWriter.Write(buffer, pending.Id, pending.Question, pending.WithEdns);
        }
        catch (ArgumentException)
        {
            // A name that cannot be encoded is the caller's bug: free the ID and let the exception name the problem.
            TryRemove(pending, version);
            pending.CancellationRegistration.Dispose();
            throw;
        }

        try
        {
            _socket.SendTo(buffer[..length], SocketFlags.None, pending.ServerAddress);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            TryComplete(pending, version, DnsExchangeResult.NetworkFailure($"send to {pending.Server} failed: {exception.Message}"));
        }

        return new ValueTask<DnsExchangeResult>(pending, version);
    }
}

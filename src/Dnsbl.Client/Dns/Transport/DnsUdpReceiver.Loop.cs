using System.Net.Sockets;

namespace Dnsbl.Client.Dns.Transport;

internal sealed partial class DnsUdpReceiver
{
    // A wait with no datagram still ends after this long (µs), so member changes are seen even without the wake socket.
    private const int TurnMicroseconds = 1_000_000;

    // Datagrams read from one ready socket before the next ready socket's turn: no port can starve the others.
    private const int DrainBudget = 64;

    private bool _threadGone;

    private void ReceiveLoop()
    {
        // Exactly one receive thread per receiver, for its whole life: plain arrays and lists outlive no one.
        var buffer = new byte[DnsTransportConstants.ReceiveBufferSize];
        var ipv4Source = new System.Net.SocketAddress(AddressFamily.InterNetwork);
        var ipv6Source = new System.Net.SocketAddress(AddressFamily.InterNetworkV6);
        var watched = new List<DnsUdpSocket>();
        var ready = new List<Socket>();
        int seenVersion = -1;
        try
        {
            while (Volatile.Read(ref _membersVersion) == seenVersion || Refresh(watched, ref seenVersion))
            {
                ready.Clear();
                if (_wake is not null)
                {
                    ready.Add(_wake);
                }

                foreach (var member in watched)
                {
                    ready.Add(member.Socket);
                }

                if (!TrySelect(ready, watched))
                {
                    seenVersion = -1; // look at the members again
                    continue;
                }

                foreach (var member in watched)
                {
                    if (ready.Contains(member.Socket))
                    {
                        member.Drain(buffer, member.Family == AddressFamily.InterNetworkV6 ? ipv6Source : ipv4Source, DrainBudget);
                    }
                }

                if (_wake is not null && ready.Contains(_wake))
                {
                    DrainWake(buffer);
                }
            }
        }
        finally
        {
            EndThread();
        }
    }

    /// <summary>Waits for any readable socket; false when the wait failed (a socket was disposed under it, or broke).</summary>
    private static bool TrySelect(List<Socket> ready, List<DnsUdpSocket> watched)
    {
        try
        {
            Socket.Select(ready, null, null, TurnMicroseconds);
            return true;
        }
        catch (ObjectDisposedException)
        {
            // A finalizer closed sockets directly; the members are read again (and the receiver is stopping).
            return false;
        }
        catch (SocketException exception)
        {
            // The wait itself failed: its sockets' pending queries end as network errors (their replacements are opened
            // on the next query), not the thread or the process.
            foreach (var member in watched)
            {
                member.Fail($"waiting for UDP replies failed: {exception.Message}");
            }

            return false;
        }
    }

    /// <summary>Takes the current members and disposes the ones that left; false when the receiver is stopping.</summary>
    private bool Refresh(List<DnsUdpSocket> watched, ref int seenVersion)
    {
        List<DnsUdpSocket> left;
        bool stopping;
        lock (_gate)
        {
            foreach (var socket in _leaving)
            {
                _members.Remove(socket);
            }

            left = [.. _leaving];
            _leaving.Clear();
            watched.Clear();
            watched.AddRange(_members);
            seenVersion = _membersVersion;
            stopping = _stopping;
        }

        foreach (var socket in left)
        {
            socket.DisposeSocket();
        }

        return !stopping;
    }

    private void DrainWake(byte[] buffer)
    {
        try
        {
            while (_wake!.Available > 0)
            {
                _wake.Receive(buffer);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // A broken wake socket only delays noticing changes until the next turn.
        }
    }

    private void EndThread()
    {
        List<DnsUdpSocket> remaining;
        lock (_gate)
        {
            _threadGone = true;
            _stopping = true; // normally already set; after an unexpected failure new sockets must not wait for a dead thread
            remaining = [.. _members, .. _leaving];
            _members.Clear();
            _leaving.Clear();
        }

        foreach (var socket in remaining)
        {
            socket.Fail("the transport was disposed");
            socket.DisposeSocket();
        }

        _wake?.Dispose();
        _exited.TrySetResult();
    }
}

using System.Net.Sockets;

namespace Dnsbl.Client.Dns.Transport;

internal sealed partial class DnsUdpTransport
{
    /// <summary>Test seam: handed to every socket opened from now on (see <see cref="DnsUdpSocket.DatagramFault"/>).</summary>
    internal Action? DatagramFault { get; set; }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        DnsUdpSocket[] sockets;
        lock (_gate)
        {
            _disposed = true;
            sockets = [.. _opened];
            _opened.Clear();
        }

        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        await _receiver.DisposeAsync().ConfigureAwait(false);
    }

    // The socket is drawn from the same cryptographic generator as query IDs: which port a query leaves from must be
    // as unpredictable as its ID, or an attacker who learned one port could aim at the queries it carries.
    private static int PickSocket(int count) => count == 1 ? 0 : DnsQueryId.Next() % count;

    /// <summary>
    /// A transport dropped without <see cref="DisposeAsync"/> still closes its sockets. The receive thread keeps only the
    /// receiver and its sockets alive, never the transport, and nothing awaits a query of an unreachable transport, so when the transport
    /// is collected the sockets have no user left.
    /// </summary>
    ~DnsUdpTransport()
    {
        DnsUdpSocket[] sockets;
        lock (_gate)
        {
            _disposed = true;
            sockets = [.. _opened];
        }

        foreach (var socket in sockets)
        {
            socket.Abandon();
        }

        _receiver.Abandon();
    }

    private DnsUdpSocket CurrentSocket(DnsUdpSocket?[] pool, int index, AddressFamily family)
    {
        var socket = Volatile.Read(ref pool[index]);
        if (socket is not null)
        {
            return socket;
        }

        lock (_gate)
        {
            return pool[index] ??= Open(family);
        }
    }

    private DnsUdpSocket ReplaceSocket(DnsUdpSocket?[] pool, int index, DnsUdpSocket exhausted)
    {
        DnsUdpSocket replacement;
        lock (_gate)
        {
            var current = pool[index];
            if (current is not null && current != exhausted)
            {
                return current; // another caller already replaced it
            }

            replacement = Open(exhausted.Family);
            Volatile.Write(ref pool[index], replacement);
            _opened.RemoveAll(socket => socket.IsClosed);
        }

        exhausted.Retire();
        return replacement;
    }

    private DnsUdpSocket Open(AddressFamily family)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var socket = new DnsUdpSocket(family, _time, Statistics, _maxQueriesPerSocket, _maxSocketAge, _receiver) { DatagramFault = DatagramFault };
        _opened.Add(socket);
        return socket;
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// The serialized form of each nameserver address, made once: sending to and matching against a
/// <see cref="SocketAddress"/> costs no allocation per query, where an <see cref="IPEndPoint"/> is serialized on every
/// send and a new one is created for every datagram received.
/// </summary>
internal sealed class ServerAddressCache
{
    // A resolver talks to a handful of nameservers; the bound only guards against a caller cycling through many.
    private const int MaxEntries = 256;
    private readonly ConcurrentDictionary<IPEndPoint, SocketAddress> _addresses = new();

    /// <summary>The serialized address of <paramref name="server"/>; callers must not modify it.</summary>
    public SocketAddress Get(IPEndPoint server)
    {
        if (_addresses.TryGetValue(server, out var address))
        {
            return address;
        }

        if (_addresses.Count >= MaxEntries)
        {
            _addresses.Clear();
        }

        // Keyed by a copy: the caller's IPEndPoint is mutable.
        var key = new IPEndPoint(server.Address, server.Port);
        return _addresses.GetOrAdd(key, static endPoint => endPoint.Serialize());
    }
}

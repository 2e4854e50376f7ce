using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Net;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// What the UDP transport keeps per nameserver: its serialized address, made once (sending to and matching against a
/// <see cref="SocketAddress"/> costs no allocation per query, where an <see cref="IPEndPoint"/> is serialized on every
/// send and a new one is created for every datagram received), and its own in-flight slots, so a slow or silent server
/// holds only its own queries back, never another server's.
/// </summary>
internal sealed class NameserverTable(int maxQueriesInFlight, int maxQueriesWaiting)
{
    private readonly int _maxQueriesInFlight = maxQueriesInFlight;
    private readonly int _maxQueriesWaiting = maxQueriesWaiting;
    // A resolver talks to a handful of nameservers; the bound only guards against a caller cycling through many.
    private const int MaxEntries = 256;
    private readonly ConcurrentDictionary<IPEndPoint, Nameserver> _servers = new();

    /// <summary>The entry of <paramref name="server"/>; callers must not modify its address.</summary>
    public Nameserver Get(IPEndPoint server)
    {
        if (_servers.TryGetValue(server, out var entry))
        {
            return entry;
        }

        if (_servers.Count >= MaxEntries)
        {
            _servers.Clear(); // queries in flight keep their entry and return their slots to it
        }

        // Keyed by a copy: the caller's IPEndPoint is mutable.
        var key = new IPEndPoint(server.Address, server.Port);
        return _servers.GetOrAdd(key, static (endPoint, table) => new Nameserver(endPoint.Serialize(), table._maxQueriesInFlight, table._maxQueriesWaiting), this);
    }
}

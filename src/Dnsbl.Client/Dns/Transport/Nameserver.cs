using System.Collections.Concurrent;
using System.Net;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// One nameserver's serialized address, its in-flight slots, and each asker's share of them
/// (<see cref="DnsTransportConstants.ShareDivisor"/>): a query takes a slot of its share first, then one of the server.
/// </summary>
internal sealed class Nameserver
{
    // A client asks a handful of lists; the bound only guards against a caller cycling through many askers.
    private const int MaxShares = 1024;

    private readonly ConcurrentDictionary<string, QuerySlots> _shares = new(StringComparer.Ordinal);
    private readonly int _shareSlots;
    private readonly int _shareWaiting;

    /// <summary>Creates the entry with <paramref name="maxInFlight"/> slots and a line of <paramref name="maxWaiting"/>.</summary>
    public Nameserver(SocketAddress address, int maxInFlight, int maxWaiting)
    {
        Address = address;
        Slots = new QuerySlots(maxInFlight, maxWaiting);
        _shareSlots = Math.Max(1, maxInFlight / DnsTransportConstants.ShareDivisor);
        _shareWaiting = maxWaiting;
    }

    /// <summary>The serialized address: sent to, and compared with each reply's source.</summary>
    public SocketAddress Address { get; }

    /// <summary>The server's in-flight slots, shared by every asker.</summary>
    public QuerySlots Slots { get; }

    /// <summary>
    /// The slots <paramref name="share"/> may hold at once on this server; null (the whole pool) for a question without
    /// an asker, and while <paramref name="share"/> is the only asker this server has seen: with no one to starve, a
    /// share would only make a client of one list wait for nothing (measured: one list at 256 queries in flight paid
    /// ~4 µs, 670 B and a thread-pool hop more per answer, benchmarks/README.md). From the second asker on, every asker
    /// keeps to its share; queries the first one already had in flight hold none and end within their timeout.
    /// </summary>
    public QuerySlots? ShareOf(string? share)
    {
        if (share is null)
        {
            return null;
        }

        if (_shares.TryGetValue(share, out var slots))
        {
            return _shares.Count > 1 ? slots : null;
        }

        if (_shares.Count >= MaxShares)
        {
            _shares.Clear(); // queries in flight keep their share's slots and return to them
        }

        slots = _shares.GetOrAdd(share, static (_, server) => new QuerySlots(server._shareSlots, server._shareWaiting), this);
        return _shares.Count > 1 ? slots : null;
    }
}

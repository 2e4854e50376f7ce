namespace Dnsbl.Client.Dns.Transport;

/// <summary>Fixed numbers of the transports, each with the reason for its value.</summary>
internal static class DnsTransportConstants
{
    /// <summary>
    /// A shared UDP socket is replaced (new random source port) after this many queries, so an off-path attacker
    /// who learns the port gets a bounded window for spoofing (RFC 5452 §9.2 asks for port randomisation).
    /// </summary>
    public const int MaxQueriesPerSocket = 10_000;

    /// <summary>
    /// ... or after this long, whichever comes first: a quiet mail server sends a few queries an hour, and without an
    /// age limit one port would serve it for days, long enough to be learned and flooded.
    /// </summary>
    public static readonly TimeSpan MaxSocketAge = TimeSpan.FromSeconds(60);

    /// <summary>
    /// UDP sockets (source ports) per address family, each query sent from one chosen at random: RFC 5452 §9.2 asks
    /// for several ports in use at once, so an attacker who learns one port reaches only that share of the queries,
    /// and flooding it fills one socket's receive buffer, not every query's.
    /// </summary>
    public const int SocketsPerFamily = 8;

    /// <summary>Timeouts are swept at most this often: one timer per socket, coalescing nearby deadlines.</summary>
    public static readonly TimeSpan TimeoutResolution = TimeSpan.FromMilliseconds(10);

    /// <summary>The receive buffer holds any UDP datagram, so an oversized reply is read whole rather than cut.</summary>
    public const int ReceiveBufferSize = ushort.MaxValue;

    /// <summary>
    /// The kernel receive buffer asked for each shared socket: a burst of replies to many queries in flight must wait
    /// there while the one receive loop catches up (the OS may grant less, e.g. Linux caps at net.core.rmem_max).
    /// </summary>
    public const int SocketReceiveBufferSize = 1 << 20;

    /// <summary>
    /// Queries one transport keeps in flight at once to one nameserver; more wait for a free slot. Sends are synchronous and cost a few
    /// microseconds, so ten thousand checks started together would otherwise reach the nameserver as one burst and
    /// overflow its socket buffer (rbldnsd's default ~200 KB holds a few hundred queries): measured, 38 of 10,000
    /// lookups lost all three attempts. 256 is also what the throughput benchmark and dnsperf keep in flight.
    /// </summary>
    public const int MaxQueriesInFlight = 256;

    /// <summary>
    /// Queries that may wait for a slot of one nameserver; more are shed at once as overloaded. A waiter leaves the line
    /// when its attempt timeout passes, so the line is already bounded by arrivals × timeout; this cap bounds the memory
    /// of a burst. Sixty-four times the slots (16,384 waiters, a few MiB) holds a burst of 10,000 checks started at once
    /// (the load test, a mail server's reconnect storm); sixteen times shed a tenth of such a burst as overloaded.
    /// </summary>
    public const int MaxQueriesWaiting = WaitersPerSlot * MaxQueriesInFlight;

    /// <summary>
    /// One asker (a list) may hold at most this fraction (1/n) of a nameserver's in-flight slots: a list whose server
    /// side is slow or rate-limited (1 s × 2 attempts per query) fills its half and waits in its own line, while the
    /// other lists keep the other half and answer at their own speed. Half, not less, so a client of one list still
    /// keeps 128 queries in flight (the throughput benchmark's figures in benchmarks/README.md were measured so).
    /// </summary>
    public const int ShareDivisor = 2;

    /// <summary>How many queries may wait per in-flight slot of a nameserver (see <see cref="MaxQueriesWaiting"/>).</summary>
    public const int WaitersPerSlot = 64;

    /// <summary>
    /// TCP connections open at once (after TC=1). Rare in normal operation; a server that answers TC=1 to everything
    /// would otherwise make every query open one. More exchanges wait (within their timeout) in a line sixteen times as long.
    /// </summary>
    public const int MaxTcpConnections = 16;

    /// <summary>Pooled completion objects kept for reuse; more are allocated under a burst and then dropped.</summary>
    public const int MaxPooledPendingQueries = 4096;
}

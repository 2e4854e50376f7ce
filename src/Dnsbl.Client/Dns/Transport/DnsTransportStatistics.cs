namespace Dnsbl.Client.Dns.Transport;

/// <summary>Counters shared by a transport's sockets, read by tests, benchmarks and (later) metrics.</summary>
internal sealed class DnsTransportStatistics
{
    private long _mismatchedReplies;
    private long _socketsOpened;
    private long _receiveFaults;
    private long _shedQueries;
    private long _abandonedQueries;

    /// <summary>Queries that left the line for a slot unsent because every check waiting for them had ended.</summary>
    public long AbandonedQueries => Interlocked.Read(ref _abandonedQueries);

    /// <summary>Counts one query given up in the line.</summary>
    public void CountAbandonedQuery() => Interlocked.Increment(ref _abandonedQueries);

    /// <summary>Queries not sent because the line waiting for their nameserver was full.</summary>
    public long ShedQueries => Interlocked.Read(ref _shedQueries);

    /// <summary>Counts one shed query.</summary>
    public void CountShedQuery() => Interlocked.Increment(ref _shedQueries);

    /// <summary>Datagrams whose handling threw (a bug): dropped, and the receive thread went on.</summary>
    public long ReceiveFaults => Interlocked.Read(ref _receiveFaults);

    /// <summary>Counts one datagram whose handling threw.</summary>
    public void CountReceiveFault() => Interlocked.Increment(ref _receiveFaults);

    /// <summary>Replies dropped because source, ID, QR bit or question did not match a pending query.</summary>
    public long MismatchedReplies => Interlocked.Read(ref _mismatchedReplies);

    /// <summary>UDP sockets opened so far (the first ones and every replacement).</summary>
    public long SocketsOpened => Interlocked.Read(ref _socketsOpened);

    /// <summary>Counts one dropped reply.</summary>
    public void CountMismatchedReply() => Interlocked.Increment(ref _mismatchedReplies);

    /// <summary>Counts one opened socket.</summary>
    public void CountSocketOpened() => Interlocked.Increment(ref _socketsOpened);
}

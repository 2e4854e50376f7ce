using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Net;
using System.Threading.Tasks.Sources;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// One query waiting on a shared UDP socket, and the reusable awaitable its caller waits on. Completed exactly once by
/// whoever removes it from the socket's pending table (reply, timeout sweep, cancellation, close), then returned to a
/// pool when the caller has read the result.
/// </summary>
internal sealed class PendingDnsQuery : IValueTaskSource<DnsExchangeResult>
{
    private static readonly ConcurrentQueue<PendingDnsQuery> Pool = new();
    private static int _pooledCount;

    private ManualResetValueTaskSourceCore<DnsExchangeResult> _core = new() { RunContinuationsAsynchronously = true };

    /// <summary>The socket this query waits on.</summary>
    public DnsUdpSocket Owner { get; private set; } = null!;

    /// <summary>The query ID, unique among the socket's pending queries.</summary>
    public ushort Id { get; private set; }

    /// <summary>What was asked, the name exactly as sent; the reply must echo it.</summary>
    public DnsQuestion Question { get; private set; }

    /// <summary>True when the reply must echo <see cref="Question"/>'s name in the same letter case (0x20).</summary>
    public bool RequireExactCase { get; private set; }

    /// <summary>True when the query carries an OPT record (false on the retry after a server rejected EDNS).</summary>
    public bool WithEdns { get; private set; }

    /// <summary>Where it was sent; the reply must come from exactly there.</summary>
    public IPEndPoint Server { get; private set; } = null!;

    /// <summary>The serialized <see cref="Server"/>: sent to, and compared with each reply's source.</summary>
    public SocketAddress ServerAddress { get; private set; } = null!;

    /// <summary>The in-flight slots of <see cref="Server"/>; this query holds one until it leaves the socket's table.</summary>
    public QuerySlots Slots { get; private set; } = null!;

    /// <summary>Its asker's share of those slots, also held until then (null when the question has no asker).</summary>
    public QuerySlots? ShareSlots { get; private set; }

    /// <summary>When the attempt times out, as a <see cref="TimeProvider"/> timestamp.</summary>
    public long DeadlineTimestamp { get; private set; }

    /// <summary>The caller's cancellation registration, disposed before the object is reused.</summary>
    public CancellationTokenRegistration CancellationRegistration { get; set; }

    /// <summary>The token that distinguishes this use of the object from earlier ones.</summary>
    public short Version => _core.Version;

    /// <summary>Takes an object from the pool (or a new one) and fills it for one query.</summary>
    public static PendingDnsQuery Rent(DnsUdpSocket owner, ushort id, in UdpQuery query, long deadlineTimestamp)
    {
        if (Pool.TryDequeue(out var pending))
        {
            Interlocked.Decrement(ref _pooledCount);
        }
        else
        {
            pending = new PendingDnsQuery();
        }

        pending.Owner = owner;
        pending.Id = id;
        pending.Question = query.Question;
        pending.RequireExactCase = query.RequireExactCase;
        pending.WithEdns = query.WithEdns;
        pending.Server = query.Server;
        pending.ServerAddress = query.Nameserver.Address;
        pending.Slots = query.Nameserver.Slots;
        pending.ShareSlots = query.Share;
        pending.DeadlineTimestamp = deadlineTimestamp;
        return pending;
    }

    /// <summary>Gives back the server's slot and the share's, once the query has left the socket's table.</summary>
    public void ReturnSlots()
    {
        Slots.Return();
        ShareSlots?.Return();
    }

    /// <summary>Completes the wait with a result.</summary>
    public void Complete(DnsExchangeResult result) => _core.SetResult(result);

    /// <summary>Completes the wait with the caller's cancellation.</summary>
    public void Cancel(CancellationToken cancellationToken) => _core.SetException(new OperationCanceledException(cancellationToken));

    /// <inheritdoc/>
    public DnsExchangeResult GetResult(short token)
    {
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            // Dispose waits for a running cancellation callback, so nothing touches this object after it is pooled.
            CancellationRegistration.Dispose();
            ReturnToPool();
        }
    }

    /// <inheritdoc/>
    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    /// <inheritdoc/>
    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    private void ReturnToPool()
    {
        CancellationRegistration = default;
        Server = null!;
        ServerAddress = null!;
        Slots = null!;
        ShareSlots = null;
        Owner = null!;
        Question = default;
        RequireExactCase = false;
        WithEdns = true;
        _core.Reset();
        if (Interlocked.Increment(ref _pooledCount) <= DnsTransportConstants.MaxPooledPendingQueries)
        {
            Pool.Enqueue(this);
        }
        else
        {
            Interlocked.Decrement(ref _pooledCount);
        }
    }
}

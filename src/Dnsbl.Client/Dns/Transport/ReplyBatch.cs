using System.Collections.Concurrent;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// The replies the receive thread matched in one turn, completed together by one thread-pool work item: the queries'
/// continuations run there one after another, never on the receive thread.
/// </summary>
/// <remarks>
/// One work item per reply (each query completing asynchronously) woke a pool thread per answer, and the pool's
/// wake-and-spin was the largest CPU cost of a cold lookup in the throughput benchmark's profile (benchmarks/README.md).
/// A batch is capped (<see cref="Capacity"/>) so that a burst still spreads over several pool threads.
/// </remarks>
internal sealed class ReplyBatch : IThreadPoolWorkItem
{
    /// <summary>Replies per batch: enough to share one wake among several, few enough that a burst uses every core.</summary>
    public const int Capacity = 16;

    private const int MaxPooled = 64;
    private static readonly ConcurrentQueue<ReplyBatch> Pool = new();
    private static int _pooledCount;

    private readonly PendingDnsQuery[] _queries = new PendingDnsQuery[Capacity];
    private readonly DnsExchangeResult[] _results = new DnsExchangeResult[Capacity];
    private int _count;

    private ReplyBatch()
    {
    }

    /// <summary>True when no more reply fits.</summary>
    public bool IsFull => _count == Capacity;

    /// <summary>An empty batch.</summary>
    public static ReplyBatch Rent()
    {
        if (Pool.TryDequeue(out var batch))
        {
            Interlocked.Decrement(ref _pooledCount);
            return batch;
        }

        return new ReplyBatch();
    }

    /// <summary>Adds a query already taken out of its socket's table, with its result.</summary>
    public void Add(PendingDnsQuery query, in DnsExchangeResult result)
    {
        _queries[_count] = query;
        _results[_count] = result;
        _count++;
    }

    /// <summary>Hands the replies to the thread pool and returns the batch to fill next (this one when it was empty).</summary>
    public ReplyBatch Flush()
    {
        if (_count == 0)
        {
            return this;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return Rent();
    }

    /// <inheritdoc/>
    public void Execute()
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        for (var i = 0; i < _count; i++)
        {
            var query = _queries[i];
            var result = _results[i];
            _queries[i] = null!;
            _results[i] = default;
            try
            {
                query.CompleteHere(result);
            }
            catch (Exception exception)
            {
                // A continuation that throws (a bug) must not leave the batch's other queries waiting forever; it is
                // rethrown after them, as it would have been on a pool thread of its own.
                failure ??= System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception);
            }
        }

        _count = 0;
        if (Interlocked.Increment(ref _pooledCount) <= MaxPooled)
        {
            Pool.Enqueue(this);
        }
        else
        {
            Interlocked.Decrement(ref _pooledCount);
        }

        failure?.Throw();
    }
}

namespace Dnsbl.Client.Caching;

/// <summary>
/// A second answer cache shared by several clients (a fleet of mail servers), consulted only when the in-process cache
/// misses. The client asks for all the names one check needs at once and writes each DNS answer behind, with the
/// time it stays fresh; errors are never written. Implementations own their transport, time limit and breaker: a
/// slow or unreachable store must answer "nothing" quickly rather than delay a check.
/// </summary>
/// <remarks>
/// What comes back is data from outside the process: the client reads it through the list's own rules, ignores an
/// answer that reads as an error, and never lets it count as a listing without that reading.
/// </remarks>
public interface ISharedAnswerCache
{
    /// <summary>Looks up every key in one round trip; fills <paramref name="answers"/>[i] for each key found (null otherwise).</summary>
    /// <param name="keys">The (zone, name) pairs to look up.</param>
    /// <param name="answers">As long as <paramref name="keys"/>: the answers found, null for a miss.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>Completes when the answers are filled; a failure should complete as all misses rather than throw.</returns>
    ValueTask GetManyAsync(ReadOnlyMemory<SharedAnswerKey> keys, Memory<SharedAnswer?> answers, CancellationToken cancellationToken);

    /// <summary>Writes an answer behind (returns at once; never throws for the store's faults).</summary>
    /// <param name="key">The (zone, name) the answer is for.</param>
    /// <param name="answer">The answer and how long it stays fresh from now.</param>
    void Publish(SharedAnswerKey key, SharedAnswer answer);
}

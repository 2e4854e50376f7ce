using System.Collections.Concurrent;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Lookups;

/// <summary>
/// One DNS question in flight for lists that share a zone: Spamhaus ZEN configured as SBL, XBL and PBL lists (as
/// SpamAssassin's rules and postscreen's sites are), or one zone asked for several relay selections of a message, ask
/// the same name. Each list still reads the one answer through its own rules and breaker.
/// </summary>
/// <remarks>
/// Only lists whose zone another list of the snapshot also uses come here (<see cref="SharesZone"/>); a list alone on
/// its zone pays nothing. The in-flight table is per slot (<see cref="Caching.InFlightLookups"/>), so without this
/// the lists of one zone each sent the question. The question is wanted while any of its lookups is
/// (<see cref="QueryInterest"/>): once each has been given up, a question still waiting for a slot leaves the line.
/// </remarks>
internal sealed class SharedZoneQuestions
{
    private readonly ConcurrentDictionary<DnsQuestion, Task<DnsLookupResult>> _inFlight = new();
    private readonly bool[] _sharesZone;

    private SharedZoneQuestions(bool[] sharesZone) => _sharesZone = sharesZone;

    /// <summary>The sharing for <paramref name="lists"/>, or null when no two of them ask the same zone the same way.</summary>
    public static SharedZoneQuestions? For(DnsList[] lists)
    {
        var sharesZone = new bool[lists.Length];
        var any = false;
        for (var i = 0; i < lists.Length; i++)
        {
            for (var j = 0; j < lists.Length; j++)
            {
                if (i != j && string.Equals(lists[i].Zone, lists[j].Zone, StringComparison.OrdinalIgnoreCase) && lists[i].QueryType == lists[j].QueryType)
                {
                    sharesZone[i] = any = true;
                    break;
                }
            }
        }

        return any ? new SharedZoneQuestions(sharesZone) : null;
    }

    /// <summary>Whether the list in <paramref name="slot"/> shares its zone with another list.</summary>
    public bool SharesZone(int slot) => _sharesZone[slot];

    /// <summary>
    /// The answer to <paramref name="question"/>: joins the same question in flight (<paramref name="joined"/>), or asks
    /// <paramref name="resolver"/>. Not tied to any one caller: <paramref name="cancellationToken"/> is the client's.
    /// </summary>
    public ValueTask<DnsLookupResult> ResolveAsync(IDnsResolver resolver, DnsQuestion question, CancellationToken cancellationToken, out bool joined)
    {
        while (true)
        {
            // A joiner finds the question without allocating; only the first asker makes the shared task.
            if (_inFlight.TryGetValue(question, out var running))
            {
                if (TryJoin(running, question))
                {
                    joined = true;
                    return new ValueTask<DnsLookupResult>(running);
                }

                // Every lookup waiting for it had been given up, and so was it: a fresh question takes its place.
                var fresh = NewQuestion();
                if (_inFlight.TryUpdate(question, fresh.Task, running))
                {
                    joined = false;
                    return Ask(resolver, question, fresh, cancellationToken);
                }

                continue;
            }

            var asked = NewQuestion();
            running = _inFlight.GetOrAdd(question, asked.Task);
            if (ReferenceEquals(running, asked.Task))
            {
                joined = false;
                return Ask(resolver, question, asked, cancellationToken);
            }
        }
    }

    // The shared question's state is its interest: the lookups that wait for it, each counted once until abandoned.
    private static TaskCompletionSource<DnsLookupResult> NewQuestion() => new(new QueryInterest(), TaskCreationOptions.RunContinuationsAsynchronously);

    private static bool TryJoin(Task<DnsLookupResult> running, in DnsQuestion question)
    {
        var shared = (QueryInterest)running.AsyncState!;
        if (!shared.TryJoin())
        {
            return false;
        }

        question.Interest?.LeaveWhenAbandoned(shared);
        return true;
    }

    private ValueTask<DnsLookupResult> Ask(IDnsResolver resolver, DnsQuestion question, TaskCompletionSource<DnsLookupResult> asked, CancellationToken cancellationToken)
    {
        var shared = (QueryInterest)asked.Task.AsyncState!;
        question.Interest?.LeaveWhenAbandoned(shared);
        _ = AskAsync(resolver, question with { Interest = shared }, asked, cancellationToken);
        return new ValueTask<DnsLookupResult>(asked.Task);
    }

    // The entry leaves the table before its waiters run, so a later lookup (after the cache missed) asks afresh.
    private async Task AskAsync(IDnsResolver resolver, DnsQuestion question, TaskCompletionSource<DnsLookupResult> asked, CancellationToken cancellationToken)
    {
        try
        {
            var result = await resolver.ResolveAsync(question, cancellationToken).ConfigureAwait(false);
            _inFlight.TryRemove(new KeyValuePair<DnsQuestion, Task<DnsLookupResult>>(question, asked.Task));
            asked.SetResult(result);
        }
        catch (Exception exception)
        {
            _inFlight.TryRemove(new KeyValuePair<DnsQuestion, Task<DnsLookupResult>>(question, asked.Task));
            if (exception is OperationCanceledException canceled)
            {
                asked.SetCanceled(canceled.CancellationToken);
            }
            else
            {
                asked.SetException(exception);
            }
        }
    }
}

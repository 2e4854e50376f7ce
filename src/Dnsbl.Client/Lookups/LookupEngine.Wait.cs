using System.Runtime.CompilerServices;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Scoring;
using Dnsbl.Client.Telemetry;

namespace Dnsbl.Client.Lookups;

internal sealed partial class LookupEngine
{
    // Pooled: a cold check is one state machine, and the wait inside it (CheckWait) has no task or timer of its own.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<DnsblCheckResult> CheckSlowAsync(ClientSnapshot snapshot, QueryKey key, int[] slots, ListOutcome[] outcomes, long started, CancellationToken cancellationToken)
    {
        using var activity = DnsblActivity.StartCheck(key.Display);
        var pending = new Task<ListOutcome>?[slots.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            if (outcomes[i] is null)
            {
                pending[i] = StartLookup(snapshot, slots[i], key.Display, QueryNameOf(key, snapshot.Lists[slots[i]].Zone));
            }
        }

        using (var wait = WaitForLookups(pending, snapshot.Settings.Deadline, started, (snapshot.Lists, slots), static (state, i) => state.Lists[state.slots[i]], cancellationToken))
        {
            await wait.Ended.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var missing = TakeAnswers(pending, outcomes, snapshot.Settings.Deadline, (snapshot.Lists, slots, key.Display), static (state, i) => (state.Lists[state.slots[i]], state.Display));
        CountUnanswered(snapshot, slots, pending, outcomes);
        return Conclude(snapshot.Settings, key.Display, outcomes, started, missing);
    }

    /// <summary>
    /// Waits until every pending lookup has answered or passed its list's own timeout, the check's deadline (both counted
    /// from <paramref name="started"/>) has passed or <paramref name="cancellationToken"/> is cancelled. Deadline,
    /// timeout, cancellation or a failed lookup all end the wait quietly: the caller throws for cancellation and reports
    /// what is unfinished. <paramref name="listOf"/> names index i's list.
    /// </summary>
    private CheckWait WaitForLookups<TState>(Task<ListOutcome>?[] pending, TimeSpan deadlineAfter, long started, TState state, Func<TState, int, DnsList> listOf, CancellationToken cancellationToken)
    {
        // Lists with their own timeout are rare: the dues array exists only when one of them is pending.
        long[]? lookupDues = null;
        for (var i = 0; i < pending.Length; i++)
        {
            if (pending[i] is not null && listOf(state, i).Timeout is { } timeout && timeout < deadlineAfter)
            {
                lookupDues ??= new long[pending.Length];
                lookupDues[i] = _deadlines.DueAfter(started, timeout);
            }
        }

        return CheckWait.Start(pending, lookupDues, _deadlines, _deadlines.DueAfter(started, deadlineAfter), cancellationToken);
    }

    /// <summary>
    /// After the wait: each pending lookup's outcome into <paramref name="outcomes"/>, or a timeout (its list's own) or
    /// deadline failure for one that has not answered; returns the lists that missed the deadline. <paramref name="describe"/> names index i's list and input.
    /// </summary>
    private static IReadOnlyList<string> TakeAnswers<TState>(Task<ListOutcome>?[] pending, ListOutcome[] outcomes, TimeSpan deadline, TState state, Func<TState, int, (DnsList List, string Input)> describe)
    {
        List<string>? missing = null;
        for (var i = 0; i < pending.Length; i++)
        {
            if (pending[i] is { } task)
            {
                var (list, input) = describe(state, i);
                outcomes[i] = AnswerOrDeadline(task, list, input, deadline, ref missing);
            }
        }

        return (IReadOnlyList<string>?)missing ?? [];
    }

    /// <summary>
    /// The lookup's outcome, or a failure when it has not answered: a timeout when its list has its own timeout, shorter
    /// than the deadline (the wait ran at least that long; as before the change to one queue, not a missing list), else a
    /// deadline failure that adds the list to <paramref name="missing"/> once.
    /// </summary>
    private static ListOutcome AnswerOrDeadline(Task<ListOutcome> task, DnsList list, string input, TimeSpan deadline, ref List<string>? missing)
    {
        if (task.IsCompletedSuccessfully)
        {
            return task.Result;
        }

        if (list.Timeout is { } timeout && timeout < deadline)
        {
            return OutcomeFactory.Failed(list, input, DnsblErrorKind.Timeout, $"no answer within the list timeout of {timeout.TotalMilliseconds:0} ms");
        }

        missing ??= [];
        if (!missing.Contains(list.Name))
        {
            missing.Add(list.Name);
        }

        return OutcomeFactory.Failed(list, input, DnsblErrorKind.DeadlineExceeded, $"no answer within the check deadline of {deadline.TotalMilliseconds:0} ms");
    }

    private DnsblCheckResult Conclude(CheckSettings settings, string input, ListOutcome[] outcomes, long started, IReadOnlyList<string> missing)
    {
        var score = Scorer.Score(outcomes, settings.Thresholds, settings.ErrorPolicy, settings.MetaRules);
        CountIfDegraded(outcomes, missing);
        return new DnsblCheckResult
        {
            Input = input,
            Score = score.Score,
            Verdict = score.Verdict,
            Lists = outcomes,
            MissingLists = missing,
            MetaHits = score.MetaHits ?? [],
            Elapsed = _time.GetElapsedTime(started),
            ErrorPolicy = settings.ErrorPolicy,
        };
    }
}

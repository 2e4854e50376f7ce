using Dnsbl.Client.Lists;
using Dnsbl.Client.Scoring;
using Dnsbl.Client.Telemetry;

namespace Dnsbl.Client;

public sealed partial class DnsblClient
{
    private async Task<DnsblCheckResult> CheckSlowAsync(ClientSnapshot snapshot, QueryKey key, string cacheKey, int[] slots, ListOutcome[] outcomes, long started, CancellationToken cancellationToken)
    {
        using var activity = DnsblActivity.StartCheck(key.Display);
        var pending = new Task<ListOutcome>?[slots.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            if (outcomes[i] is null)
            {
                // Only names that fit reach here (TryAnswerAtOnce), and a query name is the cache key, a dot and the zone.
                pending[i] = StartLookup(snapshot, slots[i], key.Display, string.Concat(cacheKey, ".", snapshot.Lists[slots[i]].Zone), cacheKey);
            }
        }

        await WaitUntilDeadlineAsync(pending, snapshot.Settings.Deadline, started, cancellationToken).ConfigureAwait(false);
        List<string>? missing = null;
        for (var i = 0; i < slots.Length; i++)
        {
            if (pending[i] is { } task)
            {
                outcomes[i] = AnswerOrDeadline(task, snapshot.Lists[slots[i]], key.Display, snapshot.Settings.Deadline, ref missing);
            }
        }

        return Conclude(snapshot.Settings, key.Display, outcomes, started, missing ?? []);
    }

    /// <summary>Waits until every pending lookup has answered or the check's deadline (counted from <paramref name="started"/>) has passed.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    private async Task WaitUntilDeadlineAsync(Task<ListOutcome>?[] pending, TimeSpan deadlineAfter, long started, CancellationToken cancellationToken)
    {
        // One timer-backed wait (no linked source, no Task.Delay, no WhenAny): a large share of the cold path's cost.
        // Deadline, cancellation or a failed lookup all end the wait quietly; the caller reports what is unfinished.
        var all = AllOf(pending);
        if (all.IsCompleted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return;
        }

        var remaining = deadlineAfter - _time.GetElapsedTime(started);
        await all.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _time, cancellationToken)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>One task for the pending lookups: the lookup itself when there is one (the common single-list miss), else WhenAll.</summary>
    private static Task AllOf(Task<ListOutcome>?[] pending)
    {
        Task? single = null;
        var count = 0;
        foreach (var task in pending)
        {
            if (task is not null)
            {
                single = task;
                count++;
            }
        }

        if (count <= 1)
        {
            return single ?? Task.CompletedTask;
        }

        var tasks = new Task[count];
        count = 0;
        foreach (var task in pending)
        {
            if (task is not null)
            {
                tasks[count++] = task;
            }
        }

        return Task.WhenAll(tasks);
    }

    /// <summary>The lookup's outcome, or a deadline failure (adding the list to <paramref name="missing"/> once) when it has not answered.</summary>
    private static ListOutcome AnswerOrDeadline(Task<ListOutcome> task, DnsList list, string input, TimeSpan deadline, ref List<string>? missing)
    {
        if (task.IsCompletedSuccessfully)
        {
            return task.Result;
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
        var score = Scorer.Score(outcomes, settings.Thresholds, settings.ErrorPolicy);
        return new DnsblCheckResult
        {
            Input = input,
            Score = score.Score,
            Verdict = score.Verdict,
            Lists = outcomes,
            MissingLists = missing,
            Elapsed = _time.GetElapsedTime(started),
            ErrorPolicy = settings.ErrorPolicy,
        };
    }
}

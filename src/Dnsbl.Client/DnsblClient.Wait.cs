using Dnsbl.Client.Scoring;
using Dnsbl.Client.Telemetry;

namespace Dnsbl.Client;

public sealed partial class DnsblClient
{
    private async Task<DnsblCheckResult> CheckSlowAsync(QueryKey key, int[] slots, ListOutcome[] outcomes, long started, CancellationToken cancellationToken)
    {
        using var activity = DnsblActivity.StartCheck(key.Display);
        var pending = new Task<ListOutcome>?[slots.Length];
        var name = new char[QueryNameBufferLength];
        var missingCount = 0;
        for (var i = 0; i < slots.Length; i++)
        {
            if (outcomes[i] is null)
            {
                missingCount++;
                var list = _lists[slots[i]];
                key.TryFormat(list.Zone, name, out var written);
                pending[i] = StartLookup(slots[i], key.Display, new string(name, 0, written));
            }
        }

        // One timer-backed wait for all of them (no linked source, no Task.Delay, no WhenAny): the cold path's cost.
        var remaining = _settings.Deadline - _time.GetElapsedTime(started);
        Task all = missingCount == 1 ? pending.First(t => t is not null)! : Task.WhenAll(pending.Where(t => t is not null)!);

        // Deadline, cancellation or a failed lookup all end the wait quietly; what is unfinished is reported below.
        await all.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _time, cancellationToken)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();

        List<string>? missing = null;
        for (var i = 0; i < slots.Length; i++)
        {
            if (pending[i] is not { } task)
            {
                continue;
            }

            if (task.IsCompletedSuccessfully)
            {
                outcomes[i] = task.Result;
                continue;
            }

            var list = _lists[slots[i]];
            (missing ??= []).Add(list.Name);
            outcomes[i] = OutcomeFactory.Failed(list, key.Display, DnsblErrorKind.DeadlineExceeded, $"no answer within the check deadline of {_settings.Deadline.TotalMilliseconds:0} ms");
        }

        return Conclude(key.Display, outcomes, started, missing ?? []);
    }

    private DnsblCheckResult Conclude(string input, ListOutcome[] outcomes, long started, IReadOnlyList<string> missing)
    {
        var score = Scorer.Score(outcomes, _settings.Thresholds, _settings.ErrorPolicy);
        return new DnsblCheckResult
        {
            Input = input,
            Score = score.Score,
            Verdict = score.Verdict,
            Lists = outcomes,
            MissingLists = missing,
            Elapsed = _time.GetElapsedTime(started),
        };
    }
}

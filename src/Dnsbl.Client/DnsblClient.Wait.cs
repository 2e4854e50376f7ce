using Dnsbl.Client.Scoring;
using Dnsbl.Client.Telemetry;

namespace Dnsbl.Client;

public sealed partial class DnsblClient
{
    private async Task<DnsblCheckResult> CheckSlowAsync(ClientSnapshot snapshot, QueryKey key, int[] slots, ListOutcome[] outcomes, long started, CancellationToken cancellationToken)
    {
        using var activity = DnsblActivity.StartCheck(key.Display);
        var pending = new Task<ListOutcome>?[slots.Length];
        var name = new char[QueryNameBufferLength];
        for (var i = 0; i < slots.Length; i++)
        {
            if (outcomes[i] is null)
            {
                var list = snapshot.Lists[slots[i]];
                key.TryFormat(list.Zone, name, out var written);
                pending[i] = StartLookup(snapshot, slots[i], key.Display, new string(name, 0, written));
            }
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var remaining = snapshot.Settings.Deadline - _time.GetElapsedTime(started);
        var deadline = Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _time, waiting.Token);
        var all = Task.WhenAll(pending.Where(t => t is not null)!);
        await Task.WhenAny(all, deadline).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
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

            var list = snapshot.Lists[slots[i]];
            (missing ??= []).Add(list.Name);
            outcomes[i] = OutcomeFactory.Failed(list, key.Display, DnsblErrorKind.DeadlineExceeded, $"no answer within the check deadline of {snapshot.Settings.Deadline.TotalMilliseconds:0} ms");
        }

        return Conclude(snapshot.Settings, key.Display, outcomes, started, missing ?? []);
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
        };
    }
}

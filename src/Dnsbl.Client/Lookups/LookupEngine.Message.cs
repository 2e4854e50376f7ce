using System.Runtime.CompilerServices;
using Dnsbl.Client.Messages;
using Dnsbl.Client.Scoring;
using Dnsbl.Client.Telemetry;

namespace Dnsbl.Client.Lookups;

internal sealed partial class LookupEngine
{
    /// <summary>Checks a message's planned keys (relays, domains, links) under one deadline; each matching rule counts once.</summary>
    public ValueTask<DnsblMessageResult> CheckMessageAsync(MessageContext message, MessageOptions? options, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var snapshot = Volatile.Read(ref _snapshot);
        var lists = snapshot.Lists;
        var plan = MessageKeyPlanner.Plan(message, options ?? snapshot.Settings.Message, lists);
        var lookups = plan.Lookups;
        var outcomes = new ListOutcome[lookups.Count];
        var pending = new Task<ListOutcome>?[lookups.Count];
        var scratch = new char[QueryKey.MaxAddressCacheKeyLength];
        var anyPending = false;
        var slot = 0;
        for (var i = 0; i < lookups.Count; i++)
        {
            // The plan keeps the lists' order, so the slot only ever moves forward.
            while (!ReferenceEquals(lists[slot], lookups[i].List))
            {
                slot++;
            }

            var key = KeyOf(lookups[i]);
            var cacheKey = key.WriteCacheKey(scratch);
            if (TryAnswerAtOnce(snapshot, slot, key, cacheKey, started, out var outcome))
            {
                outcomes[i] = outcome;
                continue;
            }

            pending[i] = StartLookup(snapshot, slot, key.Display, QueryNameOf(key, lists[slot].Zone));
            anyPending = true;
        }

        return anyPending
            ? CheckMessageSlowAsync(snapshot.Settings, plan, outcomes, pending, started, cancellationToken)
            : new ValueTask<DnsblMessageResult>(ConcludeMessage(snapshot.Settings, plan, outcomes, started, []));
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<DnsblMessageResult> CheckMessageSlowAsync(CheckSettings settings, MessageKeyPlan plan, ListOutcome[] outcomes, Task<ListOutcome>?[] pending, long started, CancellationToken cancellationToken)
    {
        using var activity = DnsblActivity.StartCheck("message");
        using (var wait = WaitForLookups(pending, settings.Deadline, started, plan, static (plan, i) => plan.Lookups[i].List, cancellationToken))
        {
            await wait.Ended.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var missing = TakeAnswers(pending, outcomes, settings.Deadline, plan, static (plan, i) => (plan.Lookups[i].List, plan.Lookups[i].Key));
        return ConcludeMessage(settings, plan, outcomes, started, missing);
    }

    private DnsblMessageResult ConcludeMessage(CheckSettings settings, MessageKeyPlan plan, ListOutcome[] outcomes, long started, IReadOnlyList<string> missing)
    {
        CountIfDegraded(outcomes, missing);
        var (score, countedRules, countedWeights) = RuleOnceScorer.Score(outcomes, settings.Thresholds, settings.ErrorPolicy, settings.MetaRules);
        var lookups = new MessageLookupOutcome[outcomes.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            lookups[i] = new MessageLookupOutcome
            {
                Outcome = outcomes[i],
                Source = plan.Lookups[i].Source,
                Origin = plan.Lookups[i].Origin,
                CountedRules = countedRules[i],
                CountedWeight = countedWeights[i],
            };
        }

        return new DnsblMessageResult
        {
            Score = score.Score,
            Verdict = score.Verdict,
            Lookups = lookups,
            Problems = plan.Problems,
            SkippedKeys = plan.Skipped,
            MissingLists = missing,
            MetaHits = score.MetaHits ?? [],
            Elapsed = _time.GetElapsedTime(started),
        };
    }

    // Address keys (relays, IP-literal links) are reversed by QueryKey; domain keys are already normalised (and hashed).
    private static QueryKey KeyOf(MessageLookup lookup) =>
        lookup.Address is { } address ? QueryKey.FromAddress(address) : QueryKey.FromDomain(lookup.Key, lookup.Key);
}

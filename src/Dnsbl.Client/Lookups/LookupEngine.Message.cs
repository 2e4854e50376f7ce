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
        var messageOptions = options ?? snapshot.Settings.Message;
        var plan = MessageKeyPlanner.Plan(message, messageOptions, lists);
        return plan.Lookups.Any(static l => l.Resolve != Lists.UriLookupVia.None)
            ? ResolveLinksThenCheckAsync(snapshot, plan, messageOptions, started, cancellationToken)
            : CheckPlan(snapshot, plan, started, cancellationToken);
    }

    /// <summary>Asks the lists the plan's keys (all already resolved): cache first, then DNS under the check's deadline.</summary>
    private ValueTask<DnsblMessageResult> CheckPlan(ClientSnapshot snapshot, MessageKeyPlan plan, long started, CancellationToken cancellationToken)
    {
        var lists = snapshot.Lists;
        var lookups = plan.Lookups;
        var outcomes = new ListOutcome[lookups.Count];
        var pending = new Task<ListOutcome>?[lookups.Count];
        var scratch = new char[QueryKey.MaxAddressCacheKeyLength];
        var anyPending = false;
        List<SharedQuestion>? shared = null;
        var slot = 0;
        for (var i = 0; i < lookups.Count; i++)
        {
            // The plan keeps the lists' order, so the slot only ever moves forward.
            while (!ReferenceEquals(lists[slot], lookups[i].List))
            {
                slot++;
            }

            if (lookups[i].Unresolved is { } why)
            {
                // The link name this key stands for could not be resolved: the list was not asked, and says why.
                outcomes[i] = OutcomeFactory.Skipped(lists[slot], lookups[i].Key, why);
                continue;
            }

            var key = KeyOf(lookups[i]);
            var cacheKey = key.WriteCacheKey(scratch);
            if (TryAnswerAtOnce(snapshot, slot, key, cacheKey, started, out var outcome))
            {
                outcomes[i] = outcome;
                continue;
            }

            var queryName = QueryNameOf(key, lists[slot].Zone);
            if (_shared is not null && IsShareable(lists[slot]))
            {
                (shared ??= []).Add(new SharedQuestion(i, slot, key.Display, queryName));
                continue;
            }

            pending[i] = StartLookup(snapshot, slot, key.Display, queryName);
            anyPending = true;
        }

        if (shared is not null)
        {
            return CheckMessageSharedAsync(snapshot, plan, outcomes, pending, shared, started, cancellationToken);
        }

        return anyPending
            ? CheckMessageSlowAsync(snapshot.Settings, plan, outcomes, pending, started, cancellationToken)
            : new ValueTask<DnsblMessageResult>(ConcludeMessage(snapshot.Settings, plan, outcomes, started, []));
    }

    /// <summary>The lookups the in-process cache missed go to the shared cache first (one read for the message), the rest to DNS.</summary>
    private async ValueTask<DnsblMessageResult> CheckMessageSharedAsync(ClientSnapshot snapshot, MessageKeyPlan plan, ListOutcome[] outcomes, Task<ListOutcome>?[] pending, List<SharedQuestion> asked, long started, CancellationToken cancellationToken)
    {
        await AskSharedCacheAsync(_shared!, snapshot, asked, outcomes, cancellationToken).ConfigureAwait(false);
        foreach (var question in asked)
        {
            if (outcomes[question.Index] is null)
            {
                pending[question.Index] = StartLookup(snapshot, question.Slot, question.Input, question.QueryName);
            }
        }

        return await CheckMessageSlowAsync(snapshot.Settings, plan, outcomes, pending, started, cancellationToken).ConfigureAwait(false);
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

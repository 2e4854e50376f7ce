using System.Runtime.CompilerServices;
using Dnsbl.Client.Messages;
using Dnsbl.Client.Scoring;
using Dnsbl.Client.Telemetry;

namespace Dnsbl.Client;

public sealed partial class DnsblClient
{
    /// <summary>
    /// Checks a message: its relays against the IP lists (per <see cref="Lists.DnsList.Relays"/>), its HELO, reverse DNS and
    /// sender domains against the domain lists (per <see cref="Lists.DnsList.DomainSources"/>) and its link domains against
    /// the URI lists, all in parallel under the one check deadline, through the same cache and in-flight sharing as
    /// <see cref="CheckAsync"/>. Each matching rule of a list counts once per message, however many keys hit it.
    /// </summary>
    /// <param name="message">The message: session facts and/or a parsed message (<see cref="MessageContext.ParseAsync"/>).</param>
    /// <param name="options">Trusted networks, link cap and skip list; null uses <see cref="DnsblOptions.Message"/>.</param>
    /// <param name="cancellationToken">Cancels the check (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The score, verdict, every lookup with its source and origin, and the message's problems.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MessageOptions.MaxUriDomains"/> is negative.</exception>
    public ValueTask<DnsblMessageResult> CheckMessageAsync(MessageContext message, MessageOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
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
        using (var wait = WaitForLookups(pending, settings.Deadline, started, cancellationToken))
        {
            await wait.Ended.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var missing = TakeAnswers(pending, outcomes, settings.Deadline, plan, static (plan, i) => (plan.Lookups[i].List, plan.Lookups[i].Key));
        return ConcludeMessage(settings, plan, outcomes, started, missing);
    }

    private DnsblMessageResult ConcludeMessage(CheckSettings settings, MessageKeyPlan plan, ListOutcome[] outcomes, long started, IReadOnlyList<string> missing)
    {
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
            MissingLists = missing,
            MetaHits = score.MetaHits ?? [],
            Elapsed = _time.GetElapsedTime(started),
        };
    }

    // Address keys (relays, IP-literal links) are reversed by QueryKey; domain keys are already normalised (and hashed).
    private static QueryKey KeyOf(MessageLookup lookup) =>
        lookup.Address is { } address ? QueryKey.FromAddress(address) : QueryKey.FromDomain(lookup.Key, lookup.Key);
}

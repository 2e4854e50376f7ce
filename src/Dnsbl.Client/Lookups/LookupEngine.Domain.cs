using System.Runtime.CompilerServices;
using Dnsbl.Client.Messages;
using Dnsbl.Client.Telemetry;

namespace Dnsbl.Client.Lookups;

internal sealed partial class LookupEngine
{
    private static bool AllAskNameAsGiven(ClientSnapshot snapshot)
    {
        foreach (var slot in snapshot.DomainSlots)
        {
            if (!ListDomainKey.AsksNameAsGiven(snapshot.Lists[slot]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A domain check where lists want different keys (URIBL the registered domain, DBL the full host, a hashed list its
    /// hash): each list is asked its own key, as a message check would ask it. A list whose form has no key for the
    /// name (a public suffix asked of a registered-domain list) is skipped with the reason.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<DnsblCheckResult> CheckDomainPerListAsync(ClientSnapshot snapshot, string domain, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var suffixes = snapshot.Settings.Message.PublicSuffixes ?? PublicSuffixList.Embedded;
        var slots = snapshot.DomainSlots;
        var outcomes = new ListOutcome[slots.Length];
        var pending = new Task<ListOutcome>?[slots.Length];
        var asked = new string[slots.Length];
        var anyPending = false;
        for (var i = 0; i < slots.Length; i++)
        {
            var list = snapshot.Lists[slots[i]];
            if (ListDomainKey.Of(list, domain, suffixes, out var whyNot) is not { } label)
            {
                outcomes[i] = OutcomeFactory.Skipped(list, domain, whyNot!);
                continue;
            }

            asked[i] = label;
            var key = QueryKey.FromDomain(label, label);
            if (TryAnswerAtOnce(snapshot, slots[i], key, label, started, out var outcome))
            {
                // A cached not-listed answer is shared and names no input; here the key asked may not be the domain given.
                outcomes[i] = outcome.Input.Length == 0 && !string.Equals(label, domain, StringComparison.Ordinal)
                    ? new ListOutcome { List = list, Input = label, Kind = outcome.Kind, FromCache = outcome.FromCache }
                    : outcome;
                continue;
            }

            pending[i] = StartLookup(snapshot, slots[i], key.Display, QueryNameOf(key, list.Zone));
            anyPending = true;
        }

        if (!anyPending)
        {
            return Conclude(snapshot.Settings, domain, outcomes, started, []);
        }

        using var activity = DnsblActivity.StartCheck(domain);
        using (var wait = WaitForLookups(pending, snapshot.Settings.Deadline, started, (snapshot.Lists, slots), static (state, i) => state.Lists[state.slots[i]], cancellationToken))
        {
            await wait.Ended.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var missing = TakeAnswers(pending, outcomes, snapshot.Settings.Deadline, (snapshot.Lists, slots, asked), static (state, i) => (state.Lists[state.slots[i]], state.asked[i]));
        return Conclude(snapshot.Settings, domain, outcomes, started, missing);
    }
}

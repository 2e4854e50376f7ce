using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dnsbl.Client.Answers;
using Dnsbl.Client.Caching;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Resilience;
using Dnsbl.Client.Telemetry;

namespace Dnsbl.Client.Lookups;

internal sealed partial class LookupEngine
{
    /// <summary>Starts (or joins) the lookup of one query name for one list; the check's wait bounds it by the list's own timeout.</summary>
    private Task<ListOutcome> StartLookup(ClientSnapshot snapshot, int slot, string input, string queryName)
    {
        var list = snapshot.Lists[slot];
        var lookup = snapshot.InFlight.Join(slot, queryName, out var begun);
        if (begun is null)
        {
            _metrics.Coalesced(list.Name);
        }
        else
        {
            BeginLookup(snapshot, slot, input, queryName, begun);
        }

        return lookup;
    }

    /// <summary>One shared lookup: not tied to any caller's token, so a late answer still fills the cache.</summary>
    /// <remarks>Ends its in-flight entry itself (outcome or exception): no second task per lookup watches it.</remarks>
    private void BeginLookup(ClientSnapshot snapshot, int slot, string input, string queryName, TaskCompletionSource<ListOutcome> begun)
    {
        var list = snapshot.Lists[slot];
        var started = _time.GetTimestamp();
        var breaker = snapshot.Breakers[slot];
        var budget = BudgetOf(snapshot, slot);
        if (budget is not null && !TryTakeBudget(budget, out var overBudget))
        {
            CountSkippedOverBudget(snapshot, slot, started);
            snapshot.InFlight.Finish(slot, queryName, begun, OutcomeFactory.Skipped(list, input, overBudget!));
            return;
        }

        if (!breaker.TryEnter(started, out var isTrial))
        {
            if (budget is not null)
            {
                _budgets!.Return(budget);
            }

            CountSkippedByCircuit(snapshot, slot, started);
            snapshot.InFlight.Finish(slot, queryName, begun, OutcomeFactory.Skipped(list, input, "circuit open: the list's recent queries kept failing"));
            return;
        }

        // The query's activity must not become the check's current one: this method returns to the check at once.
        var current = Activity.Current;
        var activity = DnsblActivity.StartListQuery(list.Name);
        if (activity is not null)
        {
            Activity.Current = current;
        }

        _metrics.CacheMiss(list.Name);
        var state = new LookupState(this, snapshot, slot, input, queryName, begun, breaker, isTrial, started, activity);
        ValueTask<DnsLookupResult> answer;
        try
        {
            // A TXT list (check_rbl_txt) is asked by TXT only; its answer carries the text, so no second query follows.
            var type = list.QueryType == ListQueryType.Txt ? DnsRecordType.TXT : DnsRecordType.A;
            var question = new DnsQuestion(queryName, type) { Share = list.Zone, Interest = InFlightLookups.InterestOf(begun.Task) };
            if (snapshot.SharedQuestions is { } shared && shared.SharesZone(slot))
            {
                answer = shared.ResolveAsync(_resolver, question, _lookupsEnd, out var joined);
                if (joined)
                {
                    if (budget is not null)
                    {
                        _budgets!.Return(budget); // one question in flight for the zone: counted by the lookup that sent it
                    }

                    _metrics.Coalesced(list.Name);
                }
            }
            else
            {
                answer = _resolver.ResolveAsync(question, _lookupsEnd);
            }
        }
        catch (Exception exception)
        {
            FinishLookup(state, null, exception);
            return;
        }

        var awaiter = answer.ConfigureAwait(false).GetAwaiter();
        if (awaiter.IsCompleted)
        {
            FinishLookup(state, awaiter);
        }
        else
        {
            PendingLookup.Await(awaiter, state);
        }
    }

    /// <summary>Ends a lookup whose resolver call has completed, with its answer or its exception.</summary>
    private void FinishLookup(in LookupState state, ConfiguredValueTaskAwaitable<DnsLookupResult>.ConfiguredValueTaskAwaiter completed)
    {
        DnsLookupResult result;
        try
        {
            result = completed.GetResult();
        }
        catch (Exception exception)
        {
            FinishLookup(state, null, exception);
            return;
        }

        FinishLookup(state, result, null);
    }

    /// <summary>Ends a lookup with the resolver's answer or exception: counts it for the breaker, records and caches the outcome, ends the in-flight entry.</summary>
    private void FinishLookup(in LookupState state, DnsLookupResult? result, Exception? exception)
    {
        var (snapshot, slot, queryName, begun) = (state.Snapshot, state.Slot, state.QueryName, state.Begun);
        ListOutcome outcome;
        try
        {
            var list = snapshot.Lists[slot];
            var finished = _time.GetTimestamp();
            if (_disposing.IsCancellationRequested && (result is null || result.Status == DnsLookupStatus.NetworkError))
            {
                // Disposing closed the sockets under the lookup (or cancelled a resolver we were given): not the list's fault.
                CountForBreaker(state, LookupVerdict.NoVerdict, finished);
                state.Activity?.Dispose();
                outcome = OutcomeFactory.ClientDisposed(list, state.Input);
            }
            else if (result is null)
            {
                CountForBreaker(state, exception is OperationCanceledException ? LookupVerdict.NoVerdict : LookupVerdict.Failed, finished);
                state.Activity?.Dispose();
                if (exception is not OperationCanceledException || !InFlightLookups.InterestOf(begun.Task).IsGivenUp)
                {
                    snapshot.InFlight.Fail(slot, queryName, begun, exception!);
                    return;
                }

                // Given up unsent because no check waited for it any more: an outcome nobody reads, not a fault to observe.
                outcome = OutcomeFactory.Failed(list, state.Input, DnsblErrorKind.DeadlineExceeded, "not asked: every check waiting for it had ended");
            }
            else
            {
                CountForBreaker(state, ListCircuitBreaker.Judge(result), finished);
                var answer = ListAnswerInterpreter.Interpret(list, result);
                var latency = _time.GetElapsedTime(state.Started, finished);
                if (answer.Kind == ListOutcomeKind.Listed && list.FetchText && list.QueryType == ListQueryType.A)
                {
                    _ = FinishWithTextAsync(state, answer, latency);
                    return;
                }

                state.Activity?.Dispose();
                outcome = Record(snapshot, slot, list, state.Input, queryName, answer, answer.Text, latency);
            }
        }
        catch (Exception failure)
        {
            snapshot.InFlight.Fail(slot, queryName, begun, failure);
            return;
        }

        snapshot.InFlight.Finish(slot, queryName, begun, outcome);
    }
}

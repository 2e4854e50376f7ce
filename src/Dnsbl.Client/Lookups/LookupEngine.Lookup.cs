using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dnsbl.Client.Answers;
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
            var question = new DnsQuestion(queryName, type) { Share = list.Zone };
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
                snapshot.InFlight.Fail(slot, queryName, begun, exception!);
                return;
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

    /// <summary>A listing whose list wants its TXT record too (rare): one more query before the outcome.</summary>
    private async Task FinishWithTextAsync(LookupState state, ListAnswer answer, TimeSpan latency)
    {
        ListOutcome outcome;
        try
        {
            using (state.Activity)
            {
                if (BudgetOf(state.Snapshot, state.Slot) is { } budget)
                {
                    _budgets!.Count(budget); // the TXT query is sent too
                }

                var text = await FetchTextAsync(state.QueryName).ConfigureAwait(false);
                outcome = Record(state.Snapshot, state.Slot, state.Snapshot.Lists[state.Slot], state.Input, state.QueryName, answer, text, latency);
            }
        }
        catch (OperationCanceledException) when (_disposing.IsCancellationRequested)
        {
            outcome = OutcomeFactory.ClientDisposed(state.Snapshot.Lists[state.Slot], state.Input);
        }
        catch (Exception exception)
        {
            state.Snapshot.InFlight.Fail(state.Slot, state.QueryName, state.Begun, exception);
            return;
        }

        state.Snapshot.InFlight.Finish(state.Slot, state.QueryName, state.Begun, outcome);
    }

    /// <summary>The answer as an outcome, counted, logged (refusals reported to health) and cached.</summary>
    private ListOutcome Record(ClientSnapshot snapshot, int slot, DnsList list, string input, string queryName, ListAnswer answer, IReadOnlyList<string> text, TimeSpan latency)
    {
        var outcome = OutcomeFactory.FromAnswer(list, input, queryName, answer, text, latency);
        CountAnswered(snapshot, slot, outcome);
        _metrics.Completed(list.Name, OutcomeFactory.MetricTag(outcome.Kind), outcome.Kind == ListOutcomeKind.Error ? OutcomeFactory.ErrorKindNames[(int)outcome.Error] : null, latency);
        if (answer.Error == DnsblErrorKind.OperatorRefusal)
        {
            Log.OperatorRefusal(_logger, list.Name, answer.Detail);
            _gate.ReportRefusal(list);
        }
        else if (outcome.Kind == ListOutcomeKind.Error)
        {
            Log.LookupFailed(_logger, list.Name, OutcomeFactory.ErrorKindNames[(int)outcome.Error], answer.Detail);
        }

        // The cache key is the query name without its zone (QueryKey.WriteCacheKey); cut only when there is a cache.
        snapshot.Cache?.Set(slot, queryName[..^(list.Zone.Length + 1)], outcome, answer.TimeToLive);
        PublishShared(snapshot, list, queryName, answer, text);
        return outcome;
    }

    private async Task<IReadOnlyList<string>> FetchTextAsync(string queryName)
    {
        var result = await _resolver.ResolveAsync(new DnsQuestion(queryName, DnsRecordType.TXT), _lookupsEnd).ConfigureAwait(false);
        // Wire text is sanitised here, the one way into ListOutcome.Text: gates echo it in SMTP replies.
        return result.Status == DnsLookupStatus.Answered ? [.. result.Answers.Select(r => r.Text).OfType<string>().Select(ListText.Sanitize)] : [];
    }
}

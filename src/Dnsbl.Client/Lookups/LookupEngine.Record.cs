using Dnsbl.Client.Answers;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Telemetry;

namespace Dnsbl.Client.Lookups;

/// <summary>How an answer becomes an outcome: counted, logged, cached and shared, with the TXT record when the list wants it.</summary>
internal sealed partial class LookupEngine
{
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

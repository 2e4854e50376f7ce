using Dnsbl.Client.Dns;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Telemetry;
using Dnsbl.Client.Resilience;

namespace Dnsbl.Client;

public sealed partial class DnsblClient
{
    /// <summary>Starts (or joins) the lookup of one query name for one list, bounded by the list's own timeout.</summary>
    private Task<ListOutcome> StartLookup(ClientSnapshot snapshot, int slot, string input, string queryName)
    {
        var list = snapshot.Lists[slot];
        var lookup = snapshot.InFlight.Join(slot, queryName, out var begun);
        if (begun is null)
        {
            _metrics.Coalesced(list);
        }
        else
        {
            _ = LookupAsync(snapshot, slot, input, queryName, begun);
        }

        return list.Timeout is { } timeout ? WithListTimeoutAsync(lookup, list, input, queryName, timeout) : lookup;
    }

    private async Task<ListOutcome> WithListTimeoutAsync(Task<ListOutcome> lookup, DnsList list, string input, string queryName, TimeSpan timeout)
    {
        using var expiry = new CancellationTokenSource();
        var timer = Task.Delay(timeout, _time, expiry.Token);
        if (await Task.WhenAny(lookup, timer).ConfigureAwait(false) == lookup)
        {
            await expiry.CancelAsync().ConfigureAwait(false);
            return await lookup.ConfigureAwait(false);
        }

        return OutcomeFactory.Failed(list, input, DnsblErrorKind.Timeout, $"no answer within the list timeout of {timeout.TotalMilliseconds:0} ms", queryName);
    }

    /// <summary>One shared lookup: not tied to any caller's token, so a late answer still fills the cache.</summary>
    /// <remarks>Ends its in-flight entry itself (outcome or exception): no second task per lookup watches it.</remarks>
    private async Task LookupAsync(ClientSnapshot snapshot, int slot, string input, string queryName, TaskCompletionSource<ListOutcome> begun)
    {
        ListOutcome outcome;
        try
        {
            var list = snapshot.Lists[slot];
            var started = _time.GetTimestamp();
            var breaker = snapshot.Breakers[slot];
            if (!breaker.TryEnter(started, out var isTrial))
            {
                outcome = OutcomeFactory.Skipped(list, input, "circuit open: the list's recent queries kept failing");
                _metrics.Skipped(list);
            }
            else
            {
                using var activity = DnsblActivity.StartListQuery(list.Name);
                _metrics.CacheMiss(list);
                DnsLookupResult result;
                try
                {
                    result = await _resolver.ResolveAsync(new DnsQuestion(queryName, DnsRecordType.A), _disposing.Token).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    breaker.Record(exception is OperationCanceledException ? LookupVerdict.NoVerdict : LookupVerdict.Failed, _time.GetTimestamp(), isTrial);
                    throw;
                }

                var finished = _time.GetTimestamp();
                breaker.Record(ListCircuitBreaker.Judge(result), finished, isTrial);
                var answer = ListAnswerInterpreter.Interpret(list, result);
                var text = answer.Kind == ListOutcomeKind.Listed && list.FetchText ? await FetchTextAsync(queryName).ConfigureAwait(false) : [];
                outcome = Record(snapshot, slot, list, input, queryName, answer, text, _time.GetElapsedTime(started, finished));
            }
        }
        catch (OperationCanceledException) when (_disposing.IsCancellationRequested)
        {
            outcome = OutcomeFactory.Failed(snapshot.Lists[slot], input, DnsblErrorKind.NetworkError, "the client was disposed");
        }
        catch (Exception exception)
        {
            snapshot.InFlight.Fail(slot, queryName, begun, exception);
            return;
        }

        snapshot.InFlight.Finish(slot, queryName, begun, outcome);
    }

    /// <summary>The answer as an outcome, counted, logged (refusals reported to health) and cached.</summary>
    private ListOutcome Record(ClientSnapshot snapshot, int slot, DnsList list, string input, string queryName, ListAnswer answer, IReadOnlyList<string> text, TimeSpan latency)
    {
        var outcome = OutcomeFactory.FromAnswer(list, input, queryName, answer, text, latency);
        _metrics.Completed(list, outcome, latency);
        if (answer.Error == DnsblErrorKind.OperatorRefusal)
        {
            Log.OperatorRefusal(_logger, list.Name, answer.Detail);
            _gate.ReportRefusal(list);
        }
        else if (outcome.Kind == ListOutcomeKind.Error)
        {
            Log.LookupFailed(_logger, list.Name, outcome.Error, answer.Detail);
        }

        // The cache key is the query name without its zone (QueryKey.WriteCacheKey); cut only when there is a cache.
        snapshot.Cache?.Set(slot, queryName[..^(list.Zone.Length + 1)], OutcomeFactory.AsCached(outcome), answer.TimeToLive);
        return outcome;
    }

    private async Task<IReadOnlyList<string>> FetchTextAsync(string queryName)
    {
        var result = await _resolver.ResolveAsync(new DnsQuestion(queryName, DnsRecordType.TXT), _disposing.Token).ConfigureAwait(false);
        return result.Status == DnsLookupStatus.Answered ? [.. result.Answers.Select(r => r.Text).OfType<string>()] : [];
    }
}

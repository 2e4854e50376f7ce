using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Health;

/// <summary>
/// Runs one probe round of one list through the resolver (never the cache): the zone and nameserver checks, then the
/// list's test points, and classifies what came back. It only ever asks the resolver questions.
/// </summary>
internal sealed partial class ListProber(IDnsResolver resolver, DnsblHealthOptions options, TimeProvider time, Random random)
{
    public async Task<ProbeRound> ProbeAsync(DnsList list, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        var recorder = new RoundRecorder(time);
        var zone = await CheckZoneAsync(list, recorder, cancellationToken).ConfigureAwait(false);
        if (zone.Finding == ListHealthState.Dead)
        {
            return recorder.Finish(ListHealthState.Dead, zone.Reason!);
        }

        IReadOnlyList<PlannedProbe> plan;
        lock (random)
        {
            plan = ProbePlan.For(list, options, random);
        }

        var asked = await Task.WhenAll(plan.Select(probe => AskProbeAsync(list, probe, recorder, cancellationToken))).ConfigureAwait(false);
        var (state, reason) = ProbeClassifier.Classify(list, zone, asked);
        return recorder.Finish(state, reason);
    }

    // A TXT-only list (check_rbl_txt) is probed as it is asked: by TXT, whose record is the listing.
    private async Task<AskedQuestion> AskProbeAsync(DnsList list, PlannedProbe probe, RoundRecorder recorder, CancellationToken cancellationToken)
    {
        var type = list.QueryType == ListQueryType.Txt ? DnsRecordType.TXT : DnsRecordType.A;
        var result = await AskAsync(new DnsQuestion(probe.QueryName, type), recorder, cancellationToken).ConfigureAwait(false);
        return new AskedQuestion(probe, result);
    }

    /// <summary>Asks up to <see cref="DnsblHealthOptions.ProbeAttempts"/> times while the answer is a failure; records each attempt.</summary>
    private async Task<DnsLookupResult> AskAsync(DnsQuestion question, RoundRecorder recorder, CancellationToken cancellationToken)
    {
        DnsLookupResult result = null!;
        for (var attempt = 1; attempt <= options.ProbeAttempts; attempt++)
        {
            var started = time.GetTimestamp();
            result = await ResolveSafelyAsync(question, cancellationToken).ConfigureAwait(false);
            recorder.Record(result, time.GetElapsedTime(started));
            if (!result.Status.IsFailure())
            {
                break;
            }
        }

        return result;
    }

    private async Task<DnsLookupResult> ResolveSafelyAsync(DnsQuestion question, CancellationToken cancellationToken)
    {
        try
        {
            return await resolver.ResolveAsync(question, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The resolver promises data, not exceptions; should one slip through, it counts as a failed question, not a crash.
            return new DnsLookupResult { Question = question, Status = DnsLookupStatus.NetworkError, Detail = exception.Message };
        }
    }
}

using System.Globalization;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;

namespace Dnsbl.Client.Health;

/// <summary>Collects the evidence and samples of one round; probe questions run in parallel, so it locks.</summary>
internal sealed class RoundRecorder(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<ProbeEvidence> _evidence = [];
    private readonly List<ProbeSample> _samples = [];

    public void Record(DnsLookupResult result, TimeSpan latency)
    {
        var answer = Describe(result);
        var evidence = new ProbeEvidence(result.Question.Name, result.Question.Type.ToString(), answer, time.GetUtcNow());
        var failed = result.Status.IsFailure();
        lock (_gate)
        {
            _evidence.Add(evidence);
            _samples.Add(new ProbeSample(latency, failed, failed ? result.Status.ToString() : null));
        }
    }

    public ProbeRound Finish(ListHealthState state, string reason)
    {
        lock (_gate)
        {
            return new ProbeRound(state, reason, [.. _evidence]) { Samples = [.. _samples] };
        }
    }

    public static string Describe(DnsLookupResult result)
    {
        var text = result.Status switch
        {
            DnsLookupStatus.Answered => string.Join(", ", result.Answers.Select(DescribeRecord)),
            DnsLookupStatus.NameError => "NXDOMAIN",
            DnsLookupStatus.NoData => "NODATA",
            DnsLookupStatus.ServerFailure => "SERVFAIL",
            DnsLookupStatus.Refused => "REFUSED",
            DnsLookupStatus.OtherResponseCode => "RCODE " + result.ResponseCode.ToString(CultureInfo.InvariantCulture),
            DnsLookupStatus.Timeout => "timeout",
            DnsLookupStatus.Malformed => "malformed answer",
            DnsLookupStatus.Overloaded => "not asked (overloaded)",
            _ => "network error",
        };
        return result.Status != DnsLookupStatus.Answered && result.Detail is { Length: > 0 } detail ? $"{text} ({detail})" : text;
    }

    private static string DescribeRecord(DnsRecord record) =>
        $"{record.Type} {record.Address?.ToString() ?? record.Target ?? record.Text}";
}

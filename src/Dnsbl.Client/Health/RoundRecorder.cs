using Dnsbl.Client.Dns.Protocol;
using System.Globalization;
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
        var evidence = new ProbeEvidence(result.Question.Name, result.Question.Type.ToString(), Describe(result), time.GetUtcNow());
        lock (_gate)
        {
            _evidence.Add(evidence);
            _samples.Add(new ProbeSample(latency, IsFailure(result.Status)));
        }
    }

    public ProbeRound Finish(ListHealthState state, string reason)
    {
        lock (_gate)
        {
            return new ProbeRound(state, reason, [.. _evidence]) { Samples = [.. _samples] };
        }
    }

    /// <summary>Failures say nothing about the list and are worth asking again; every other status is an answer.</summary>
    public static bool IsFailure(DnsLookupStatus status) =>
        status is DnsLookupStatus.Timeout or DnsLookupStatus.ServerFailure or DnsLookupStatus.NetworkError
            or DnsLookupStatus.Malformed or DnsLookupStatus.OtherResponseCode;

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
            _ => "network error",
        };
        return result.Status != DnsLookupStatus.Answered && result.Detail is { Length: > 0 } detail ? $"{text} ({detail})" : text;
    }

    private static string DescribeRecord(DnsRecord record) =>
        $"{record.Type} {record.Address?.ToString() ?? record.Target ?? record.Text}";
}

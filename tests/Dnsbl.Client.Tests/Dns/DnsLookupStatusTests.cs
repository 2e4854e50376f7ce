using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Resilience;

namespace Dnsbl.Client.Tests.Dns;

/// <summary>One definition of a failed lookup: failover, health probes and the breaker agree on every status.</summary>
public sealed class DnsLookupStatusTests
{
    public static TheoryData<int> EveryStatus() => [.. Enum.GetValues<DnsLookupStatus>().Select(s => (int)s)];

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void IsFailure_EveryStatus_OnlyAnswersNameErrorsAndNoDataAreNotFailures(int value)
    {
        var status = (DnsLookupStatus)value;
        bool answer = status is DnsLookupStatus.Answered or DnsLookupStatus.NameError or DnsLookupStatus.NoData;

        Assert.Equal(!answer, status.IsFailure());
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Judge_EveryStatus_AgreesWithIsFailure(int value)
    {
        var status = (DnsLookupStatus)value;
        var result = new DnsLookupResult { Question = new DnsQuestion("2.0.0.127.bl.test", DnsRecordType.A), Status = status };
        var expected = status.IsLocal() ? LookupVerdict.NoVerdict : status.IsFailure() ? LookupVerdict.Failed : LookupVerdict.Answered;

        Assert.Equal(expected, ListCircuitBreaker.Judge(result));
    }
}

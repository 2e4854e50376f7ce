using System.Net;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using static Dnsbl.Client.Tests.Health.Fakes.HealthScripts;

namespace Dnsbl.Client.Tests.Health;

public sealed class ProbeQueryNamesTests
{
    [Fact]
    public void ForAddress_Ipv4_ReversedOctets() =>
        Assert.Equal("2.0.0.127.bl.example", ProbeQueryNames.ForAddress(IPAddress.Parse("127.0.0.2"), "bl.example"));

    [Fact]
    public void ForAddress_Ipv6_ThirtyTwoReversedNibbles() =>
        Assert.Equal(
            "2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.bl.example",
            ProbeQueryNames.ForAddress(IPAddress.Parse("::FFFF:7F00:2"), "bl.example"));

    [Fact]
    public void ForDomain_MixedCaseWithDot_Normalised() =>
        Assert.Equal("test.dbl.example", ProbeQueryNames.ForDomain("TEST.", "dbl.example"));

    [Fact]
    public void For_IpListDefault_Rfc5782Ipv4PointsOnly()
    {
        var plan = ProbePlan.For(new DnsList(IpZone), Options(), new Random(1));

        Assert.Equal([(ListedIpv4, true), (UnlistedIpv4, false)], plan.Select(p => (p.QueryName, p.ExpectListed)));
    }

    [Fact]
    public void For_IpListWithProbeIpv6_AddsMappedLoopbackPoints()
    {
        var plan = ProbePlan.For(new DnsList(IpZone), Options(o => o.ProbeIpv6 = true), new Random(1));

        Assert.Equal(4, plan.Count);
        Assert.Contains(plan, p => p.ExpectListed && p.QueryName.StartsWith("2.0.0.0.0.0.f.7.f.f.f.f.", StringComparison.Ordinal));
    }

    [Fact]
    public void For_ProbePointsOverride_ReplacesDefaults()
    {
        var list = new DnsList(IpZone) { ProbePoints = [new ProbePoint("127.0.0.4", true)] };

        var plan = ProbePlan.For(list, Options(), new Random(1));

        Assert.Equal("4.0.0.127." + IpZone, Assert.Single(plan).QueryName);
    }

    [Fact]
    public void For_DomainList_RandomLabelChangesEachRound()
    {
        var list = new DnsList(DomainZone, DnsListKind.UriBlockList);
        var random = new Random(1);

        var first = ProbePlan.For(list, Options(), random)[^1];
        var second = ProbePlan.For(list, Options(), random)[^1];

        Assert.False(first.ExpectListed);
        Assert.NotEqual(first.QueryName, second.QueryName);
        Assert.Matches("^[a-z]{12}\\.", first.QueryName);
    }
}

using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Tests.Health;

public sealed class ProbePlanUriLookupTests
{
    [Fact]
    public void For_UriListAskedOnlyAddresses_ProbesIpTestPoints()
    {
        var list = new DnsList("zen.example.net", DnsListKind.UriBlockList) { UriLookup = UriLookupVia.HostAddresses | UriLookupVia.NameServerAddresses };

        var probes = ProbePlan.For(list, new DnsblHealthOptions(), new Random(1));

        Assert.Contains(probes, p => p.QueryName == "2.0.0.127.zen.example.net" && p.ExpectListed);
        Assert.DoesNotContain(probes, p => p.QueryName.StartsWith("test.", StringComparison.Ordinal));
    }

    [Fact]
    public void For_UriListAskedNameServerNames_ProbesDomainTestPoints()
    {
        var list = new DnsList("ns.example.net", DnsListKind.UriBlockList) { UriLookup = UriLookupVia.NameServerNames };

        var probes = ProbePlan.For(list, new DnsblHealthOptions(), new Random(1));

        Assert.Contains(probes, p => p.QueryName == "test.ns.example.net" && p.ExpectListed);
    }
}

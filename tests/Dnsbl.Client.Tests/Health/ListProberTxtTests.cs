using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using static Dnsbl.Client.Tests.Health.Fakes.HealthScripts;

namespace Dnsbl.Client.Tests.Health;

/// <summary>TXT-only lists (SpamAssassin's check_rbl_txt: SpamCop, the Validity lists) are probed as they are asked: by TXT.</summary>
public sealed class ListProberTxtTests
{
    private static readonly DnsList TxtList = new(IpZone) { QueryType = ListQueryType.Txt };

    [Fact]
    public async Task ProbeAsync_TxtOnlyListWithTestPointText_HealthyAndAskedByTxtOnly()
    {
        var resolver = new ScriptedResolver()
            .Status(IpZone, DnsRecordType.NS, DnsLookupStatus.NoData)
            .Answer(ListedIpv4, DnsRecordType.TXT, "Blocked - see https://www.example.test/bl?ip=127.0.0.2");

        var round = await Prober(resolver).ProbeAsync(TxtList, CancellationToken.None);

        Assert.Equal(ListHealthState.Healthy, round.State);
        Assert.Contains(resolver.Questions, q => q == new DnsQuestion(ListedIpv4, DnsRecordType.TXT));
        Assert.DoesNotContain(resolver.Questions, q => q.Type == DnsRecordType.A && q.Name.EndsWith(IpZone, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProbeAsync_TxtOnlyListAnsweringOnlyA_TestPointNotListed()
    {
        // An A record is no listing for a TXT-only list: SpamAssassin never sees it, and neither do our lookups.
        var resolver = new ScriptedResolver().HealthyIpList();

        var round = await Prober(resolver).ProbeAsync(TxtList, CancellationToken.None);

        Assert.NotEqual(ListHealthState.Healthy, round.State);
    }
}

using Dnsbl.Client.Dns.Protocol;
using System.Globalization;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Tests.Testing;

/// <summary>The client's own stub resolver against the in-process server: the two must agree on the wire.</summary>
public sealed class InProcessDnsServerResolverTests
{
    private const string Zone = "$SOA 1h ns.bl.test hostmaster.bl.test 1 2h 30m 1w 5m\n:127.0.0.2:Listed $\n127.0.0.2\n127.0.0.2 :4:Exploited $\n";

    private static async Task<DnsLookupResult> ResolveAsync(InProcessDnsServer server, string name, DnsRecordType type = DnsRecordType.A)
    {
        await using var resolver = DnsStubResolver.Create(
            [string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{server.EndPoint.Port}")], TimeSpan.FromSeconds(5), 1, TimeProvider.System, null);
        return await resolver.ResolveAsync(new DnsQuestion(name, type), CancellationToken.None);
    }

    [Fact]
    public async Task ResolveAsync_ListedAddress_AnswersBothCodes()
    {
        await using var server = await InProcessDnsServer.StartAsync("bl.test", ZoneDatasetType.Ip4Set, Zone);

        var result = await ResolveAsync(server, "2.0.0.127.bl.test");

        Assert.Equal(DnsLookupStatus.Answered, result.Status);
        Assert.Equal(["127.0.0.2", "127.0.0.4"], result.Addresses.Select(a => a.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ResolveAsync_Unlisted_IsNameErrorWithSoaMinimumTtl()
    {
        await using var server = await InProcessDnsServer.StartAsync("bl.test", ZoneDatasetType.Ip4Set, Zone);

        var result = await ResolveAsync(server, "3.0.0.127.bl.test");

        Assert.Equal(DnsLookupStatus.NameError, result.Status);
        Assert.Equal(TimeSpan.FromMinutes(5), result.TimeToLive);
    }

    [Fact]
    public async Task ResolveAsync_TruncatedOverUdp_GetsFullAnswerOverTcp()
    {
        await using var server = await InProcessDnsServer.StartAsync(
            "bl.test", ZoneDatasetType.Ip4Set, Zone, new InProcessDnsServerOptions { OnQuery = _ => ServerAction.Truncated });

        var result = await ResolveAsync(server, "2.0.0.127.bl.test", DnsRecordType.TXT);

        Assert.Equal(DnsLookupStatus.Answered, result.Status);
        Assert.Equal(2, result.Answers.Count);
        Assert.Equal(2, server.QueryCount);
    }

    [Fact]
    public async Task ResolveAsync_OutsideZones_IsRefused()
    {
        await using var server = await InProcessDnsServer.StartAsync("bl.test", ZoneDatasetType.Ip4Set, Zone);

        var result = await ResolveAsync(server, "2.0.0.127.other.test");

        Assert.Equal(DnsLookupStatus.Refused, result.Status);
    }
}

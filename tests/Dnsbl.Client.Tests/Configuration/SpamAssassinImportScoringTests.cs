using System.Net;
using Dnsbl.Client.Configuration;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Tests.Configuration;

/// <summary>An imported SpamAssassin configuration, run by a client against a loopback zone, scores as SpamAssassin would.</summary>
[Collection(CpuBoundTests.Name)]
public sealed class SpamAssassinImportScoringTests
{
    private const string Mailspike = """
        header __RCVD_IN_MSPIKE_B  eval:check_rbl('mspikeb-lastexternal', 'bl.mailspike.test.')
        header __RCVD_IN_MSPIKE_Z  eval:check_rbl_sub('mspikeb-lastexternal', '127.0.0.2')
        header RCVD_IN_MSPIKE_L5   eval:check_rbl_sub('mspikeb-lastexternal', '127.0.0.10')
        header RCVD_IN_MSPIKE_L4   eval:check_rbl_sub('mspikeb-lastexternal', '127.0.0.11')
        meta __RCVD_IN_MSPIKE_LOW  RCVD_IN_MSPIKE_L5 || RCVD_IN_MSPIKE_L4
        meta RCVD_IN_MSPIKE_ZBI    __RCVD_IN_MSPIKE_Z && !__RCVD_IN_MSPIKE_LOW
        meta RCVD_IN_MSPIKE_BL     RCVD_IN_MSPIKE_L5 || RCVD_IN_MSPIKE_L4 || __RCVD_IN_MSPIKE_Z
        score RCVD_IN_MSPIKE_L5 2.5
        score RCVD_IN_MSPIKE_L4 1.7
        score RCVD_IN_MSPIKE_ZBI 2.7
        score RCVD_IN_MSPIKE_BL 0.01
        """;

    [Theory]
    [InlineData(2, 2.71, new[] { "RCVD_IN_MSPIKE_ZBI", "RCVD_IN_MSPIKE_BL" })] // Z only: ZBI + BL
    [InlineData(3, 2.51, new[] { "__RCVD_IN_MSPIKE_LOW", "RCVD_IN_MSPIKE_BL" })] // L5: 2.5 + BL, and LOW stops ZBI
    [InlineData(4, 0, new string[0])]
    public async Task CheckAsync_ImportedMetaRules_ScoreAsSpamAssassin(int last, double score, string[] metaHits)
    {
        const string Data = "127.0.0.2\n:127.0.0.10:\n127.0.0.3\n";
        await using var server = await InProcessDnsServer.StartAsync(new ZoneSet().Add("bl.mailspike.test", ZoneDatasetType.Ip4Set, Data));
        var import = SpamAssassinImporter.Import(Mailspike.Split('\n'));
        var options = new DnsblOptions
        {
            Lists = [.. import.Lists],
            MetaRules = [.. import.MetaRules],
            Nameservers = [$"127.0.0.1:{server.EndPoint.Port}"],
            Deadline = TimeSpan.FromSeconds(5),
            Thresholds = { Reject = 5, Tag = null, AllowList = null },
        };
        options.Health.Enabled = false;
        await using var client = new DnsblClient(options);

        var result = await client.CheckAsync(IPAddress.Parse($"127.0.0.{last}")).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(score, result.Score);
        Assert.Equal(metaHits, result.MetaHits.Select(h => h.Name));
    }
}

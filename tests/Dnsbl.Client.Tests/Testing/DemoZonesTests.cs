using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Testing.Demo;
using Dnsbl.Client.Testing.Server;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Tests.Testing;

public sealed class DemoZonesTests
{
    [Fact]
    public async Task StartEmbeddedAsync_ServesDemoListsAndTestPoints()
    {
        await using var demo = await DemoZones.StartEmbeddedAsync();

        Assert.Equal(["bl.demo.test", "wl.demo.test", "dbl.demo.test"], demo.Lists.Select(l => l.Zone));
        Assert.Equal(DnsListKind.IpAllowList, demo.Lists[1].Kind);
        var listed = await AskAsync(demo, "2.0.0.127.bl.demo.test");
        Assert.Equal(["127.0.0.2", "127.0.0.4"], listed.Answers.Select(a => a.Address!.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(DnsResponseCode.NameError, (await AskAsync(demo, "1.0.0.127.bl.demo.test")).Header.ResponseCode);
        Assert.Single((await AskAsync(demo, "test.dbl.demo.test")).Answers);
        // As in rbldnsd, the IPv4-mapped test point is answered from the zone's ip4set.
        Assert.Equal(2, (await AskAsync(demo, ZoneSetTests.Nibbles("::ffff:7f00:2") + ".bl.demo.test")).Answers.Count);
        Assert.Equal("127.0.0.3", Assert.Single((await AskAsync(demo, ZoneSetTests.Nibbles("2001:db8::5") + ".bl.demo.test")).Answers).Address!.ToString());
    }

    [Fact]
    public async Task LoadAsync_SamplesFolder_MatchesEmbeddedCopies()
    {
        var folder = FindSamples();

        var fromDisk = await DemoZones.LoadAsync(folder, CancellationToken.None);
        var embedded = await DemoZones.LoadEmbeddedAsync(CancellationToken.None);

        Assert.Equal(embedded.Zones.ZoneNames.Order(StringComparer.Ordinal), fromDisk.Zones.ZoneNames.Order(StringComparer.Ordinal));
        Assert.Equal(ZoneAnswer.NoError, fromDisk.Zones.Lookup("login.phish.example.dbl.demo.test", DnsRecordType.A).ResponseCode);
        Assert.Equal(ZoneAnswer.NameError, fromDisk.Zones.Lookup("www.phish.example.dbl.demo.test", DnsRecordType.A).ResponseCode);
    }

    private static async Task<DnsMessage> AskAsync(DemoServer demo, string name)
    {
        var bytes = await LoopbackQuery.ExchangeUdpAsync(demo.Server.EndPoint, new DnsQuestion(name, DnsRecordType.A), 3, TimeSpan.FromSeconds(10), CancellationToken.None);
        return LoopbackQuery.Parse(bytes!);
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "zones");
            if (File.Exists(Path.Combine(candidate, "zones.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/zones not found above the test output folder.");
    }
}

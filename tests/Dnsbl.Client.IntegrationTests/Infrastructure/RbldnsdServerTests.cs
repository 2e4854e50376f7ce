using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Demo;
using Dnsbl.Client.Testing.Server;

namespace Dnsbl.Client.IntegrationTests.Infrastructure;

public sealed class RbldnsdServerTests
{
    private const string BlockList = """
        $SOA 1h ns.bl.test hostmaster.bl.test 1 2h 30m 1w 5m
        $NS 1h ns.bl.test
        :127.0.0.2:Listed: $
        127.0.0.2
        127.0.0.2 :127.0.0.4:Exploited $
        """;

    private const string BlockList6 = """
        :127.0.0.2:Listed v6: $
        ::ffff:7f00:2
        2001:db8::/32 :3:Documentation
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private static Task<RbldnsdServer> StartAsync() => RbldnsdServer.StartAsync(
        [new RbldnsdZone("bl.test", "ip4set", "bl.ip4set", BlockList), new RbldnsdZone("bl.test", "ip6trie", "bl.ip6trie", BlockList6)],
        CancellationToken.None);

    private static async Task<DnsMessage> AskAsync(IPEndPoint server, string name, DnsRecordType type = DnsRecordType.A)
    {
        var bytes = await LoopbackQuery.ExchangeUdpAsync(server, new DnsQuestion(name, type), 77, Patience, CancellationToken.None);
        return LoopbackQuery.Parse(bytes ?? throw new TimeoutException($"no answer for {name}"));
    }

    [Fact]
    public async Task Rbldnsd_ListedTestPoint_AnswersCodesAndText()
    {
        await using var rbldnsd = await StartAsync();

        var a = await AskAsync(rbldnsd.EndPoint, "2.0.0.127.bl.test");
        var txt = await AskAsync(rbldnsd.EndPoint, "2.0.0.127.bl.test", DnsRecordType.TXT);

        Assert.Equal(["127.0.0.2", "127.0.0.4"], a.Answers.Select(r => r.Address!.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(["Exploited 127.0.0.2", "Listed: 127.0.0.2"], txt.Answers.Select(r => r.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Rbldnsd_UnlistedAndUnserved_AnswerNxDomainWithSoaAndRefused()
    {
        await using var rbldnsd = await StartAsync();

        var unlisted = await AskAsync(rbldnsd.EndPoint, "1.0.0.127.bl.test");
        var unserved = await AskAsync(rbldnsd.EndPoint, "2.0.0.127.nowhere.test");

        Assert.Equal(DnsResponseCode.NameError, unlisted.Header.ResponseCode);
        var soa = Assert.Single(unlisted.Authorities);
        Assert.Equal(300u, soa.TimeToLive);
        Assert.Equal(DnsResponseCode.Refused, unserved.Header.ResponseCode);
    }

    [Fact]
    public async Task Rbldnsd_Ipv6TestPoint_IsListed()
    {
        await using var rbldnsd = await StartAsync();

        var response = await AskAsync(rbldnsd.EndPoint, Nibbles("::ffff:7f00:2") + ".bl.test");

        // rbldnsd also answers an IPv4-mapped query from the zone's ip4set, so the ip4set codes come too.
        Assert.Equal(["127.0.0.2", "127.0.0.4"], response.Answers.Select(r => r.Address!.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DemoZones_InProcessServer_AnswersLikeRbldnsd()
    {
        var folder = FindSamples();
        var manifest = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "zones.json")));
        var zones = manifest.RootElement.GetProperty("zones").EnumerateArray()
            .Select(z => new RbldnsdZone(z.GetProperty("zone").GetString()!, z.GetProperty("type").GetString()!, z.GetProperty("file").GetString()!,
                File.ReadAllText(Path.Combine(folder, z.GetProperty("file").GetString()!))))
            .ToList();
        await using var rbldnsd = await RbldnsdServer.StartAsync(zones, CancellationToken.None);
        await using var demo = await (await DemoZones.LoadAsync(folder, CancellationToken.None)).StartAsync();
        string[] names =
        [
            "2.0.0.127.bl.demo.test", "1.0.0.127.bl.demo.test", "5.2.0.192.bl.demo.test", "7.100.51.198.bl.demo.test",
            "8.100.51.198.bl.demo.test", "200.100.51.198.bl.demo.test", Nibbles("::ffff:7f00:2") + ".bl.demo.test",
            Nibbles("2001:db8::1") + ".bl.demo.test", Nibbles("2001:db8::2") + ".bl.demo.test", "2.0.0.127.wl.demo.test",
            "9.113.0.203.wl.demo.test", "test.dbl.demo.test", "invalid.dbl.demo.test", "a.spam.example.dbl.demo.test",
            "phish.example.dbl.demo.test", "x.phish.example.dbl.demo.test", "www.phish.example.dbl.demo.test",
            "0.127.bl.demo.test", "bl.demo.test", "2.0.0.127.other.test",
        ];

        foreach (var name in names)
        {
            foreach (var type in new[] { DnsRecordType.A, DnsRecordType.TXT, DnsRecordType.NS, DnsRecordType.SOA, DnsRecordType.AAAA })
            {
                var expected = Describe(await AskAsync(rbldnsd.EndPoint, name, type));
                var actual = Describe(await AskAsync(demo.Server.EndPoint, name, type));
                Assert.True(expected == actual, $"{name} {type}: rbldnsd {expected} / in-process {actual}");
            }
        }
    }

    private static string Describe(DnsMessage message) =>
        $"{message.Header.ResponseCode} answers[{string.Join(",", message.Answers.Select(r => $"{r.Type}:{r.TimeToLive}:{r.Address}{r.Text}{r.Target}").Order(StringComparer.Ordinal))}]"
        + $" authority[{string.Join(",", message.Authorities.Select(r => $"{r.Type}:{r.TimeToLive}").Order(StringComparer.Ordinal))}]";

    private static string Nibbles(string address) =>
        string.Join('.', IPAddress.Parse(address).GetAddressBytes().SelectMany(b => new[] { b >> 4, b & 0xF }).Reverse()
            .Select(n => n.ToString("x", System.Globalization.CultureInfo.InvariantCulture)));

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

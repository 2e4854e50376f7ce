using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Benchmarks.Client;

/// <summary>An in-process server with ten IPv4 lists (two list 127.0.0.2) and a client pointed at it.</summary>
internal sealed class TenListFixture : IAsyncDisposable
{
    public const int ListCount = 10;

    private TenListFixture(InProcessDnsServer server, DnsblClient client)
    {
        Server = server;
        Client = client;
    }

    public static IPAddress Listed { get; } = IPAddress.Parse("127.0.0.2");

    public InProcessDnsServer Server { get; }

    public DnsblClient Client { get; }

    public static async Task<TenListFixture> StartAsync(bool cacheEnabled, TimeSpan serverDelay = default)
    {
        var zones = new ZoneSet();
        var lists = new List<DnsList>();
        for (var i = 0; i < ListCount; i++)
        {
            var zone = $"bl{i}.bench.test";
            zones.Add(zone, ZoneDatasetType.Ip4Set, i < 2 ? "127.0.0.2\n" : "10.0.0.0/8\n");
            lists.Add(new DnsList(zone));
        }

        var serverOptions = serverDelay > TimeSpan.Zero
            ? new InProcessDnsServerOptions { EnableTcp = false, OnQuery = _ => ServerAction.Delayed(serverDelay) }
            : new InProcessDnsServerOptions { EnableTcp = false };
        var server = await InProcessDnsServer.StartAsync(zones, serverOptions);
        var options = new DnsblOptions { Lists = lists, Nameservers = [server.EndPoint.ToString()] };
        options.Health.Enabled = false;
        options.Cache.Enabled = cacheEnabled;

        // BenchmarkDotNet's default job runs for minutes: the 60 s minimum TTL expired mid-run and sent the cached check to the network.
        options.Cache.MinimumTtl = options.Cache.MaximumTtl;
        return new TenListFixture(server, new DnsblClient(options));
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
    }
}

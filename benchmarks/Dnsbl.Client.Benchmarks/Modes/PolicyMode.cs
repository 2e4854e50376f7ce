using System.Globalization;
using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Policy;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// <c>--policy --server 127.0.0.1:PORT [--seconds 10] [--cold 20000]</c> (benchmarks/policy.sh starts rbldnsd): the
/// Postfix policy service in this process, loaded over loopback by lock-step connections in this process.
/// Cached: requests/s on 1 and 100 connections, answered from the transaction cache, then from the client's DNS answer
/// cache (transaction cache off, 1,000 warmed client addresses). Cold: every request a client address never asked
/// before (each list a real rbldnsd lookup), 10 connections; latency percentiles.
/// </summary>
internal static class PolicyMode
{
    private const int WarmClients = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new ModeArguments(args);
        var dns = arguments.Text("server") ?? throw new ArgumentException("--server 127.0.0.1:PORT (rbldnsd) is required");
        var seconds = TimeSpan.FromSeconds(arguments.Number("seconds", 10));
        var cold = arguments.Integer("cold", 20_000);
        Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}");
        await using var client = CreateClient(dns);

        foreach (var transactionCache in new[] { true, false })
        {
            await using var server = await StartAsync(client, transactionCache);
            var endPoint = server.LocalEndPoints[0];
            var requests = Enumerable.Range(0, WarmClients).Select(i => PolicyLoad.Bytes(PolicyLoad.Request(ClientAddress(i), "warm." + i))).ToArray();
            await PolicyLoad.RunAsync(endPoint, 10, (c, i) => requests[(int)((c * 100) + i) % WarmClients], null, WarmClients / 10, false); // DNS cache filled
            await PolicyLoad.RunAsync(endPoint, 1, (_, i) => requests[(int)(i % WarmClients)], TimeSpan.FromSeconds(2), null, false); // JIT settled
            foreach (var connections in new[] { 1, 100 })
            {
                var (count, elapsed, _) = await PolicyLoad.RunAsync(endPoint, connections, (c, i) => requests[(int)((c * 7) + i) % WarmClients], seconds, null, false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"cached ({(transactionCache ? "transaction cache" : "DNS answer cache, transaction cache off")}), {connections} connection(s): {count / elapsed.TotalSeconds:0} requests/s ({count} in {elapsed.TotalSeconds:0.0} s)"));
            }
        }

        await using (var coldServer = await StartAsync(client, transactionCache: true))
        {
            const int Connections = 10;
            var perConnection = cold / Connections;
            var (count, elapsed, latencies) = await PolicyLoad.RunAsync(coldServer.LocalEndPoints[0], Connections,
                (c, i) => PolicyLoad.Bytes(PolicyLoad.Request(ClientAddress(100_000 + (c * perConnection) + (int)i), $"cold.{c}.{i}")), null, perConnection, recordLatency: true);
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cold (every request new to the cache, 3 IP lists + 1 domain list on rbldnsd), {Connections} connections: {count / elapsed.TotalSeconds:0} requests/s; " +
                $"latency p50 {Percentile(latencies, 0.50):0.00} ms, p90 {Percentile(latencies, 0.90):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms, max {latencies[^1]:0.00} ms ({count} requests)"));
        }

        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    // Public-looking unicast addresses under 11/8 (the message path never asks private ones); only query names for rbldnsd.
    public static string ClientAddress(int i) => $"11.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}";

    private static DnsblClient CreateClient(string dns)
    {
        var options = new DnsblOptions
        {
            Lists =
            [
                DnsList.Parse("bl1.policy.bench*3"), DnsList.Parse("bl2.policy.bench*2"), DnsList.Parse("allow.policy.bench*-10"),
                DnsList.Parse("dbl.policy.bench*6", DnsListKind.DomainBlockList),
            ],
            Nameservers = [dns],
        };
        options.Thresholds.Reject = 5;
        options.Thresholds.Tag = 1;
        options.Health.Enabled = false;
        options.Cache.SizeLimit = 1_000_000;
        return new DnsblClient(options);
    }

    private static async Task<DnsblPolicyServer> StartAsync(DnsblClient client, bool transactionCache)
    {
        var options = new DnsblPolicyOptions { Listen = ["127.0.0.1:0"], RunHealthProbing = false };
        options.TransactionCacheTime = transactionCache ? options.TransactionCacheTime : TimeSpan.Zero;
        options.TransactionCacheSize = 1_000_000;
        var server = new DnsblPolicyServer(client, options);
        await server.StartAsync();
        return server;
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}

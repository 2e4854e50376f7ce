using System.Globalization;
using Dnsbl.Client.Dns.Transport;
using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Lists;
using Xunit.Abstractions;

namespace Dnsbl.Client.IntegrationTests.Reliability;

/// <summary>
/// Issue 16, TC storm: a server that answers TC=1 to every UDP query. The TCP connections open at once, as the server
/// counts them, never exceed the transport's bound; every check completes with the answer served over TCP; sockets
/// and live managed memory come back to where they started.
/// </summary>
[Collection(ProcessWideCountTests.Name)]
public sealed class TruncationStormTests(ITestOutputHelper output)
{
    private const int Checks = 3_000;
    private const int InFlight = 200; // within the TCP line (16 connections, 16 waiters each): none is shed

    [Fact]
    public async Task CheckAsync_ServerTruncatesEveryAnswer_TcpConnectionsStayWithinTheBoundAndEveryCheckCompletes()
    {
        await using var server = new TruncatingDnsServer();
        var options = new DnsblOptions { Lists = [new DnsList("tc.test")], Deadline = TimeSpan.FromSeconds(20), AttemptTimeout = TimeSpan.FromSeconds(5), Attempts = 2 };
        options.Health.Enabled = false;
        options.Cache.Enabled = false;
        var socketsBefore = CheckDriver.OpenSockets();
        var memoryBefore = CheckDriver.LiveManagedMemory();
        var watched = CheckDriver.Client(options, server.EndPoint);
        var (client, transport) = watched;
        var mostOpenSeenByClient = 0;
        (DnsblCheckResult Result, TimeSpan Elapsed)[] results;
        await using (watched)
        {
            results = await CheckDriver.RunAsync(Checks, InFlight, i => client.CheckAsync(CheckDriver.Address(i)),
                () => InterlockedMax(ref mostOpenSeenByClient, transport.OpenTcpConnections)).WaitAsync(TimeSpan.FromMinutes(3));
        }

        var memoryAfter = CheckDriver.LiveManagedMemory();
        var socketsAfter = CheckDriver.OpenSockets();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FIGURE TC storm: {Checks} checks, {server.Connections} TCP connections, at most {server.MostOpenConnections} in service at once (bound {DnsTransportConstants.MaxTcpConnections}); sockets {socketsBefore} -> {socketsAfter}; live managed memory {memoryBefore / 1024} KiB -> {memoryAfter / 1024} KiB; load {File.ReadAllText("/proc/loadavg").Trim()}"));
        Assert.All(results, r => Assert.Equal(ListOutcomeKind.Listed, Assert.Single(r.Result.Lists).Kind));
        Assert.InRange(server.MostOpenConnections, 1, DnsTransportConstants.MaxTcpConnections);
        Assert.InRange(mostOpenSeenByClient, 0, DnsTransportConstants.MaxTcpConnections);
        Assert.InRange(socketsAfter, 0, socketsBefore + 2);
        Assert.InRange(memoryAfter, 0, memoryBefore + (16L << 20));
    }

    private static void InterlockedMax(ref int most, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref most)) && Interlocked.CompareExchange(ref most, value, seen) != seen)
        {
        }
    }
}

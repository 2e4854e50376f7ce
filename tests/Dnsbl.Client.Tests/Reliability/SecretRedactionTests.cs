using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Zones;
using Dnsbl.Client.Tests.Telemetry;

namespace Dnsbl.Client.Tests.Reliability;

/// <summary>A DQS key in a zone never reaches logs, outcomes, explanations or exception messages, on any path.</summary>
public sealed class SecretRedactionTests
{
    private const string Key = "k3y0f1234567890abcdefghijkl";
    private const string Zone = Key + ".zen.dq.spamhaus.net";

    [Fact]
    public async Task CheckAsync_ListedErrorAndRefusalPaths_KeyNeverInLogsOrResults()
    {
        const string Data = ":127.0.0.2:Listed\n127.0.0.2\n127.0.0.6 :127.255.255.254:Refused\n127.0.0.5 :10.0.0.1:Odd\n";
        await using var server = await InProcessDnsServer.StartAsync(
            new ZoneSet().Add(Zone, ZoneDatasetType.Ip4Set, Data),
            new InProcessDnsServerOptions
            {
                OnQuery = c => c.Name.StartsWith("3.", StringComparison.Ordinal) ? ServerAction.ServerFailure
                    : c.Name.StartsWith("4.", StringComparison.Ordinal) ? ServerAction.Drop
                    : c.Name.StartsWith("7.", StringComparison.Ordinal) ? ServerAction.Corrupt(b => b[..^2])
                    : ServerAction.Answer,
            });
        using var logs = new CapturedLogs();
        var options = new DnsblOptions
        {
            Lists = [new DnsList(Zone) { FetchText = true }],
            Nameservers = [$"127.0.0.1:{server.EndPoint.Port}"],
            AttemptTimeout = TimeSpan.FromMilliseconds(200),
            Attempts = 2,
            Deadline = TimeSpan.FromSeconds(3),
        };
        options.Health.Enabled = false;
        await using var client = new DnsblClient(options, logs.Factory);
        var seen = new List<string> { client.Lists[0].Name, client.Lists[0].ToString(), client.Lists[0].DisplayZone };

        foreach (var last in new[] { 2, 3, 4, 5, 6, 7, 8 })
        {
            var result = await client.CheckAsync(IPAddress.Parse($"127.0.0.{last}")).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            seen.AddRange(result.Explain());
            seen.AddRange(result.MissingLists);
            foreach (var outcome in result.Lists)
            {
                seen.Add(outcome.ToString());
                seen.Add(outcome.QueryName);
                seen.Add(outcome.ErrorDetail ?? "");
                seen.Add(outcome.SkipReason ?? "");
            }
        }

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.CheckDomainAsync("bad..name").AsTask());
        seen.Add(error.ToString());
        seen.AddRange(logs.Records.Select(CapturedLogs.AllText));

        Assert.Contains(seen, s => s.Contains(ZoneRedactor.Mask, StringComparison.Ordinal));
        Assert.NotEmpty(logs.Records);
        Assert.All(seen, s => Assert.DoesNotContain(Key, s, StringComparison.OrdinalIgnoreCase));
        // Every check reached the server (a timed-out attempt's datagram may be read after its check ended, at high load).
        await server.WaitForQueriesAsync(7, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }
}

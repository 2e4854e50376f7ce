using System.Net;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Testing;
using Dnsbl.Client.Testing.Zones;
using Dnsbl.Client.Tests.DependencyInjection;
using Dnsbl.Client.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dnsbl.Client.Tests.Reliability;

/// <summary>
/// Regression (issue #13): a list object bound from appsettings.json without a Name used its raw zone as the name, so a
/// Spamhaus DQS key in the zone reached results, logs and the <c>dnsbl.list</c> metric tag.
/// </summary>
public sealed class ConfiguredDqsKeyTests
{
    private const string Key = "k3y0f1234567890abcdefghijk"; // 26 characters, the shape of a DQS key
    private const string Zone = Key + ".zen.dq.spamhaus.net";

    [Fact]
    public async Task CheckAsync_DqsZoneBoundFromAppSettings_KeyInNoResultLogMetricOrException()
    {
        await using var server = await InProcessDnsServer.StartAsync(
            new ZoneSet().Add(Zone, ZoneDatasetType.Ip4Set, ":127.0.0.2:Listed, see https://check.spamhaus.org/\n127.0.0.2\n"),
            new InProcessDnsServerOptions { OnQuery = c => c.Name.StartsWith("3.", StringComparison.Ordinal) ? ServerAction.ServerFailure : ServerAction.Answer });
        using var file = new JsonConfigurationFile($$"""
            { "Dnsbl": {
                "Lists": [ { "Zone": "{{Zone}}", "FetchText": true } ],
                "Nameservers": [ "127.0.0.1:{{server.EndPoint.Port}}" ],
                "AttemptTimeout": "00:00:00.200", "Attempts": 1,
                "Health": { "Enabled": false } } }
            """);
        using var logs = new CapturedLogs();
        using var metrics = new MetricsRecorder();
        await using var provider = new ServiceCollection()
            .AddSingleton(logs.Factory)
            .AddSingleton(metrics.Factory)
            .AddDnsbl(file.Section)
            .BuildServiceProvider();
        var client = provider.GetRequiredService<DnsblClient>();
        var seen = new List<string> { client.Lists[0].Name, client.Lists[0].ToString() };

        foreach (var last in new[] { 2, 3, 4 })
        {
            var result = await client.CheckAsync(IPAddress.Parse($"127.0.0.{last}")).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            seen.AddRange(result.Explain());
            seen.AddRange(result.Lists.SelectMany(o => o.Text.Concat([o.ToString(), o.List.Name, o.QueryName, o.ErrorDetail ?? ""])));
        }

        seen.AddRange(client.Health.GetReport().Lists.Select(l => l.Name));
        seen.AddRange(logs.Records.Select(CapturedLogs.AllText));
        seen.AddRange(metrics.Measurements.SelectMany(m => m.Tags.Values).Select(v => $"{v}"));
        using var duplicated = new JsonConfigurationFile($$"""{ "Dnsbl": { "Lists": [ { "Zone": "{{Zone}}" }, { "Zone": "{{Zone}}" } ] } }""");
        seen.Add(Assert.Throws<OptionsValidationException>(() => Resolve(duplicated)).ToString());

        Assert.Equal($"{ZoneRedactor.Mask}.zen.dq.spamhaus.net", client.Lists[0].Name);
        Assert.Contains(metrics.Measurements, m => Equals(m.Tags.GetValueOrDefault("dnsbl.list"), client.Lists[0].Name));
        Assert.Contains(seen, s => s.Contains("is used 2 times", StringComparison.Ordinal));
        Assert.NotEmpty(logs.Records);
        Assert.All(seen, s => Assert.DoesNotContain(Key, s, StringComparison.OrdinalIgnoreCase));
        // Listed (A and TXT), SERVFAIL and not listed were really asked. The server counts a query when its receive loop
        // reads it, which on a loaded machine can be after a 200 ms attempt gave up: wait for the count, never read it once.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await server.WaitForQueriesAsync(3, patience.Token);
    }

    private static DnsblOptions Resolve(JsonConfigurationFile file)
    {
        using var provider = new ServiceCollection().AddDnsbl(file.Section).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<DnsblOptions>>().Value;
    }
}

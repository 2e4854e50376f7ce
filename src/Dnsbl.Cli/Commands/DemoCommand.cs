using System.CommandLine;
using System.Net;
using Dnsbl.Cli.Output;
using Dnsbl.Client;
using Dnsbl.Client.Health;
using Dnsbl.Client.Testing.Demo;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// <c>dnsbl demo [--json]</c>: serves the sample zones in-process on 127.0.0.1, probes their health and checks a few
/// addresses and domains against them, so the tool can be tried without network access or configuration.
/// </summary>
internal static class DemoCommand
{
    /// <summary>A listed test point (also allow-listed), a policy block, an allow-listed sender, a carved-out exception, IPv6.</summary>
    internal static readonly string[] Addresses = ["127.0.0.2", "192.0.2.99", "203.0.113.10", "198.51.100.7", "2001:db8::2", "2001:db8::1"];

    /// <summary>The domain test point, a spam domain (by one of its hosts) and a clean domain.</summary>
    internal static readonly string[] Domains = ["test", "mail.spam.example", "good.example"];

    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Write JSON (camelCase) instead of tables." };
        var command = new Command("demo", "Serve sample DNS lists on 127.0.0.1 in-process and check a few addresses and domains against them.") { json };
        command.SetAction((parsed, cancellationToken) => RunAsync(console, parsed.GetValue(json), cancellationToken));
        return command.WithExamples("dnsbl demo", "dnsbl demo --json");
    }

    internal static async Task<int> RunAsync(CliConsole console, bool json, CancellationToken cancellationToken)
    {
        await using var demo = await DemoZones.StartEmbeddedAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var options = new DnsblOptions
        {
            Lists = [.. DemoLists.From(demo.Lists)],
            Nameservers = [demo.Server.EndPoint.ToString()],
            Thresholds = { Reject = 3, Tag = 1 },
        };

        // The demo server lives on loopback; nameservers there are only "retired" for public zones.
        options.Health.LoopbackNameserversAreRetired = false;
        await using var client = new DnsblClient(options);
        var health = await client.Health.ProbeAllAsync(cancellationToken).ConfigureAwait(false);
        var results = new List<DnsblCheckResult>(Addresses.Length + Domains.Length);
        foreach (var address in Addresses)
        {
            results.Add(await client.CheckAsync(IPAddress.Parse(address), cancellationToken).ConfigureAwait(false));
        }

        foreach (var domain in Domains)
        {
            results.Add(await client.CheckDomainAsync(domain, cancellationToken).ConfigureAwait(false));
        }

        await WriteAsync(console, json, demo.Server.EndPoint, health, results, ThresholdsJson.From(options.Thresholds), cancellationToken).ConfigureAwait(false);
        return ExitCodes.Clean;
    }

    private static async Task WriteAsync(
        CliConsole console, bool json, IPEndPoint server, DnsblHealthReport health, IReadOnlyList<DnsblCheckResult> results, ThresholdsJson thresholds,
        CancellationToken cancellationToken)
    {
        if (json)
        {
            await DemoJson.WriteAsync(console.Output, server, health, results, thresholds, cancellationToken).ConfigureAwait(false);
            return;
        }

        await console.Output.WriteLineAsync($"Demo lists served in-process on {server} (zones from samples/zones).").ConfigureAwait(false);
        var tables = console.CreateTableConsole();
        HealthTable.Write(tables, health);
        CheckTable.Write(tables, results, thresholds);
    }
}

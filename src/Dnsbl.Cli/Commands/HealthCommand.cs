using System.CommandLine;
using Dnsbl.Cli.Output;
using Dnsbl.Client;
using Dnsbl.Client.Health;

namespace Dnsbl.Cli.Commands;

/// <summary><c>dnsbl health --list SPEC... | --config FILE [--dns HOST[:PORT]]... [--json]</c>: probes each list once; exit 3 when any is not healthy.</summary>
internal static class HealthCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var command = new Command("health", "Probe each list once (test points, zone and nameservers) and print its state. Exit 3 when a list is not healthy.");
        common.AddTo(command);
        command.SetAction((parsed, cancellationToken) =>
            RunAsync(console, ClientSettings.FromCommandLine(parsed, common), parsed.GetValue(common.Json), cancellationToken));
        return command.WithExamples(
            "dnsbl health --list spamhaus-zen --list dnswl --list domain:spamhaus-dbl",
            "dnsbl health --list 'bl.example.org=127.0.0.[2..10]' --dns 127.0.0.1:5353 --json",
            "dnsbl health --config /etc/myapp/appsettings.json");
    }

    internal static async Task<int> RunAsync(CliConsole console, DnsblOptions options, bool json, CancellationToken cancellationToken)
    {
        // A one-off probe judges the zone as it is now; loopback nameservers are only "retired" for public zones.
        options.Health.LoopbackNameserversAreRetired = false;
        await using var client = new DnsblClient(options);
        var report = await client.Health.ProbeAllAsync(cancellationToken).ConfigureAwait(false);
        if (json)
        {
            await HealthJson.WriteAsync(console.Output, report, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            HealthTable.Write(console.CreateTableConsole(), report);
        }

        return report.Lists.All(l => l.State == ListHealthState.Healthy) ? ExitCodes.Clean : ExitCodes.Unhealthy;
    }
}

using System.CommandLine;
using Dnsbl.Cli.Output;
using Dnsbl.Client;
using Dnsbl.Client.Health;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// <c>dnsbl health --list SPEC... | --config FILE [--dns HOST[:PORT]]... [--json] [--redis CONFIG]</c>: probes each list
/// once (with <c>--redis</c>, shows the fleet's published states instead and probes only the lists none covers); exit 3
/// when any is not healthy.
/// </summary>
internal static class HealthCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var command = new Command("health", "Probe each list once (test points, zone and nameservers) and print its state. Exit 3 when a list is not healthy.");
        common.AddTo(command);
        command.Add(common.Redis);
        command.SetAction((parsed, cancellationToken) =>
            RunAsync(console, ClientSettings.FromCommandLine(parsed, common), parsed.GetValue(common.Json), cancellationToken, parsed.GetValue(common.Redis), parsed.GetValue(common.Config)));
        return command.WithExamples(
            "dnsbl health --list spamhaus-zen --list dnswl --list domain:spamhaus-dbl",
            "dnsbl health --list 'bl.example.org=127.0.0.[2..10]' --dns 127.0.0.1:5353 --json",
            "dnsbl health --config /etc/myapp/appsettings.json",
            "dnsbl health --config /etc/myapp/appsettings.json --redis redis.internal:6379");
    }

    internal static async Task<int> RunAsync(CliConsole console, DnsblOptions options, bool json, CancellationToken cancellationToken, string? redis = null, string? configPath = null)
    {
        // A one-off probe judges the zone as it is now; loopback nameservers are only "retired" for public zones.
        options.Health.LoopbackNameserversAreRetired = false;
        await using var shared = await CliClient.CreateAsync(options, redis, service: false, configPath: configPath).ConfigureAwait(false);
        // With a fleet: its prober's published states (no DNS query for them), and this run never takes the lease.
        var report = await shared.Client.Health.RefreshAsync(cancellationToken).ConfigureAwait(false);
        if (report.Fleet is { } fleet)
        {
            await console.Error.WriteLineAsync(
                $"dnsbl health: fleet leader {fleet.Leader ?? "none"}; " +
                (fleet.Role == SharedHealthRole.Follower ? "showing its published states (lists it has not published were probed here)" : "no leader's states: every list probed here")).ConfigureAwait(false);
        }

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

using System.CommandLine;
using System.Runtime.InteropServices;
using Dnsbl.Client;
using Dnsbl.Client.Policy;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// <c>dnsbl policy --list SPEC... | --config FILE [--listen HOST:PORT|unix:PATH]... [--status HOST:PORT]</c>: a Postfix
/// policy service (check_policy_service) until SIGINT or SIGTERM, then a graceful stop (requests in flight answered).
/// </summary>
internal static class PolicyCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var thresholds = new ThresholdOptions();
        var listen = new Option<string[]>("--listen")
        {
            Description = "Where to listen: HOST:PORT (an IP address; [v6]:port) or unix:PATH; repeatable. Default: 127.0.0.1:10045 (loopback only).",
        };
        var socketMode = new Option<string>("--socket-mode") { Description = "Octal mode of a unix: socket. Default: 0660 (give the socket Postfix's group)." };
        var status = new Option<string>("--status") { Description = "Serve the counters and list health as JSON over HTTP on HOST:PORT (GET /status)." };
        var allowOk = new Option<bool>("--allow-ok") { Description = "Answer OK (accept, skip later restrictions) for allow-listed clients instead of DUNNO." };
        var deferOnError = new Option<bool>("--defer-on-error") { Description = "Answer DEFER_IF_PERMIT instead of DUNNO when lists fail or the deadline passes (fail closed)." };
        var maxConnections = new Option<int?>("--max-connections") { Description = "The most connections served at once. Default: 1024." };
        var idleTimeout = new Option<int?>("--idle-timeout") { Description = "Seconds a connection may wait without a complete request. Default: 330 (Postfix's max_idle is 300)." };
        var noProbe = new Option<bool>("--no-probe") { Description = "Do not probe list health in the background (lists are never disabled automatically)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log every decision, not only rejections, errors and list health changes." };
        var command = new Command("policy", "Run a Postfix SMTP access policy service (check_policy_service): reject, tag or pass each client by its DNS list score. Stops on SIGINT/SIGTERM.")
        {
            listen, socketMode, status, allowOk, deferOnError, maxConnections, idleTimeout, noProbe, verbose,
        };
        common.AddTo(command);
        command.Add(common.Redis);
        thresholds.AddTo(command);
        command.SetAction((parsed, cancellationToken) =>
        {
            var options = ClientSettings.FromCommandLine(parsed, common, thresholds);
            options.Health.Enabled = !parsed.GetValue(noProbe);
            var policy = new DnsblPolicyOptions
            {
                Listen = [.. parsed.GetValue(listen) ?? []],
                StatusListen = parsed.GetValue(status),
                AllowListedAction = parsed.GetValue(allowOk) ? PolicyAllowListedAction.Ok : PolicyAllowListedAction.Dunno,
                ErrorAction = parsed.GetValue(deferOnError) ? PolicyErrorAction.DeferIfPermit : PolicyErrorAction.Dunno,
                RunHealthProbing = options.Health.Enabled,
            };
            policy.UnixSocketMode = parsed.GetValue(socketMode) ?? policy.UnixSocketMode;
            policy.MaxConnections = parsed.GetValue(maxConnections) ?? policy.MaxConnections;
            policy.IdleTimeout = parsed.GetValue(idleTimeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : policy.IdleTimeout;
            return RunAsync(console, options, policy, parsed.GetValue(verbose), cancellationToken, parsed.GetValue(common.Redis), parsed.GetValue(common.Config));
        });
        return command.WithExamples(
            "dnsbl policy --list spamhaus-zen --list domain:spamhaus-dbl --tag 2",
            "dnsbl policy --config /etc/dnsbl/policy.json --listen unix:/var/spool/postfix/private/dnsbl --status 127.0.0.1:10046",
            "dnsbl policy --list 'bl.example.org=127.0.0.[2..10]*5' --dns 127.0.0.1:5353 --listen 127.0.0.1:0 -v",
            "dnsbl policy --config /etc/dnsbl/policy.json --redis redis.internal:6379");
    }

    internal static async Task<int> RunAsync(CliConsole console, DnsblOptions options, DnsblPolicyOptions policy, bool verbose, CancellationToken cancellationToken, string? redis = null, string? configPath = null)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Information)
            .AddFilter("Dnsbl.Client.Policy", verbose ? LogLevel.Debug : LogLevel.Information)
            .AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ "; console.UseUtcTimestamp = true; })
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // systemd stops services with SIGTERM: stop gracefully instead of exiting at once.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        // With --redis, the fleet's policy services share DNS answers (one query per address per TTL across the fleet) and list
        // health (one of them probes, the others follow its published states).
        await using var shared = await CliClient.CreateAsync(options, redis, service: true, loggerFactory, configPath).ConfigureAwait(false);
        var client = shared.Client;
        await using var server = new DnsblPolicyServer(client, policy, loggerFactory);
        await server.StartAsync(cancellationToken).ConfigureAwait(false);
        await console.Error.WriteLineAsync($"dnsbl policy: listening on {string.Join(", ", server.LocalEndPoints.Select(Describe))}" +
            (server.StatusEndPoint is { } statusEndPoint ? $"; status on http://{statusEndPoint}/status" : "")).ConfigureAwait(false);
        await console.Error.FlushAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // SIGINT or SIGTERM: stop gracefully below.
        }

        await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Clean;
    }

    private static string Describe(System.Net.EndPoint endPoint) =>
        endPoint is System.Net.Sockets.UnixDomainSocketEndPoint unix ? $"unix:{unix}" : endPoint.ToString() ?? "?";
}

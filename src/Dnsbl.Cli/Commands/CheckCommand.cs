using System.CommandLine;
using System.Net;
using Dnsbl.Cli.Output;
using Dnsbl.Client;

namespace Dnsbl.Cli.Commands;

/// <summary><c>dnsbl check INPUT... --list SPEC... [--dns HOST[:PORT]]... [--timeout MS] [--json]</c>, or <c>--message FILE</c> (see <see cref="MessageCheck"/>).</summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "IP addresses (checked against ip: lists) and domains (checked against domain: and uri: lists).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var noProbe = new Option<bool>("--no-probe") { Description = "Do not probe list health first (disabled lists are otherwise skipped)." };
        var command = new Command("check", "Check IP addresses and domains against DNS lists.") { inputs, noProbe };
        common.AddTo(command);
        var message = new MessageCheck();
        message.AddTo(command);
        command.SetAction((parsed, cancellationToken) => parsed.GetValue(message.Message) is not null
            ? message.RunAsync(console, parsed, ClientSettings.FromCommandLine(parsed, common), parsed.GetValue(common.Json), !parsed.GetValue(noProbe), cancellationToken)
            : RunAsync(console, parsed.GetValue(inputs) ?? [], ClientSettings.FromCommandLine(parsed, common), parsed.GetValue(common.Json), !parsed.GetValue(noProbe), cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(CliConsole console, string[] inputs, DnsblOptions options, bool json, bool probe, CancellationToken cancellationToken)
    {
        if (inputs.Length == 0)
        {
            throw new CliUsageException("Nothing to check: give at least one IP address or domain.");
        }

        // As in 'dnsbl health': a one-off probe judges the zone as it is now, so loopback nameservers are not "retired".
        options.Health.LoopbackNameserversAreRetired = false;
        await using var client = new DnsblClient(options);
        if (probe)
        {
            await client.Health.ProbeAllAsync(cancellationToken).ConfigureAwait(false);
        }

        var results = new List<DnsblCheckResult>(inputs.Length);
        foreach (var input in inputs)
        {
            results.Add(await CheckOneAsync(client, input, cancellationToken).ConfigureAwait(false));
        }

        if (json)
        {
            await CheckJson.WriteAsync(console.Output, results, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            CheckTable.Write(console.CreateTableConsole(), results);
        }

        return results.Any(r => r.Verdict == DnsblVerdict.Reject) ? ExitCodes.Listed : ExitCodes.Clean;
    }

    private static async Task<DnsblCheckResult> CheckOneAsync(DnsblClient client, string input, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(input, out var address))
        {
            return await client.CheckAsync(address, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await client.CheckDomainAsync(input, cancellationToken).ConfigureAwait(false);
        }
        catch (DnsblInputException invalid)
        {
            throw new CliUsageException($"'{input}' is neither an IP address nor a valid domain: {invalid.Problem}.");
        }
    }
}

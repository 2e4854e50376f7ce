using System.CommandLine;
using Dnsbl.Cli.Output;
using Dnsbl.Client;
using Spectre.Console;

namespace Dnsbl.Cli.Commands;

/// <summary>
/// <c>dnsbl check INPUT... | -f FILE | --message FILE</c> with <c>--list SPEC...</c> or <c>--config FILE</c>. Inputs no
/// configured list can judge are refused (exit 2) on the command line and reported as input errors with <c>-f</c> (exit 4).
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var thresholds = new ThresholdOptions();
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "IP addresses (checked against ip: lists) and domains (checked against domain: and uri: lists).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var noProbe = new Option<bool>("--no-probe") { Description = "Do not probe list health first (disabled lists are otherwise skipped)." };
        var file = new Option<string>("--file", "-f")
        {
            Description = "Read inputs from FILE, one per line ('#' comments, blank lines skipped; '-' for stdin). Lines that cannot " +
                "be judged are reported in place and counted; exit 4 when there are any.",
        };
        var format = new Option<CheckFormat?>("--format")
        {
            Description = "table (default), json (an array; JSON Lines with -f) or csv (a header and one row per input).",
        };
        var command = new Command("check", "Check IP addresses, domains or a message against DNS lists. Exit 0 clean, 1 rejected, 2 usage or input error, 4 some -f lines not judged.")
        {
            inputs, file, noProbe, format,
        };
        common.AddTo(command);
        command.Add(common.Redis);
        thresholds.AddTo(command);
        var message = new MessageCheck();
        message.AddTo(command);
        command.SetAction((parsed, cancellationToken) =>
        {
            var options = ClientSettings.FromCommandLine(parsed, common, thresholds);
            var json = parsed.GetValue(common.Json);
            var chosen = parsed.GetValue(format) ?? (json ? CheckFormat.Json : CheckFormat.Table);
            if (json && chosen != CheckFormat.Json)
            {
                throw new CliUsageException($"--json and --format {chosen.ToString().ToLowerInvariant()} disagree; give one.");
            }

            return parsed.GetValue(message.Message) is not null
                ? message.RunAsync(console, parsed, options, chosen, !parsed.GetValue(noProbe), cancellationToken)
                : RunAsync(console, parsed.GetValue(inputs) ?? [], parsed.GetValue(file), options, chosen, !parsed.GetValue(noProbe), cancellationToken, parsed.GetValue(common.Redis), parsed.GetValue(common.Config));
        });
        return command.WithExamples(
            "dnsbl check 192.0.2.99 --list 'zen.spamhaus.org=127.0.0.[2..11]*3' --list 'list.dnswl.org=127.0.[0..255].[1..3]*-2'",
            "dnsbl check 192.0.2.99 mail.example.com --list spamhaus-zen --list spamhaus-dbl --json",
            "dnsbl import spamassassin /usr/share/spamassassin/*.cf > sa.json && dnsbl check --config sa.json --message message.eml",
            "cut -d' ' -f1 /var/log/clients.log | dnsbl check -f - --list spamhaus-zen --format csv > verdicts.csv");
    }

    internal static async Task<int> RunAsync(
        CliConsole console, string[] arguments, string? file, DnsblOptions options, CheckFormat format, bool probe, CancellationToken cancellationToken, string? redis = null, string? configPath = null)
    {
        if (file is not null && arguments.Length > 0)
        {
            throw new CliUsageException("Give inputs either as arguments or with -f FILE, not both.");
        }

        IReadOnlyList<CheckInput> inputs = file is null
            ? [.. arguments.Select(a => CheckInput.Parse(a))]
            : await CheckInputFile.ReadAsync(file, console.Input, cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            RefuseUnjudged(inputs, [.. options.Lists]);
        }

        // As in 'dnsbl health': a one-off probe judges the zone as it is now, so loopback nameservers are not "retired".
        options.Health.LoopbackNameserversAreRetired = false;
        if (file is not null && redis is null && RedisSection.Load(configPath) is null && !RepeatedInputs.AnyCouldReuseAnAnswer(inputs))
        {
            // No input could be answered from an earlier one's answer. With Redis the cache stays: it also sets the TTL
            // of what the run shares.
            options.Cache.Enabled = false;
        }

        var lists = options.Lists.ToArray();
        await using var clients = await CliClient.CreateAsync(options, redis, service: false, configPath: configPath).ConfigureAwait(false);
        var client = clients.Client;
        if (probe)
        {
            await client.Health.ProbeAllAsync(cancellationToken).ConfigureAwait(false);
        }

        var output = CheckOutputs.Create(console, format, fromFile: file is not null, ThresholdsJson.From(options.Thresholds));
        var summary = file is not null && console.ErrorIsTerminal
            ? await RunWithProgressAsync(console, client, lists, inputs, output, cancellationToken).ConfigureAwait(false)
            : await CheckRun.RunAsync(client, lists, inputs, output, static () => { }, cancellationToken).ConfigureAwait(false);
        return summary.InputErrors > 0 ? ExitCodes.SomeInputsNotJudged
            : summary.Count(DnsblVerdict.Reject) > 0 ? ExitCodes.Listed
            : ExitCodes.Clean;
    }

    /// <summary>Inputs given as arguments are all judged or none is: the first that cannot be ends the run before any lookup.</summary>
    private static void RefuseUnjudged(IReadOnlyList<CheckInput> inputs, IReadOnlyCollection<Client.Lists.DnsList> lists)
    {
        if (inputs.Count == 0)
        {
            throw new CliUsageException("Nothing to check: give at least one IP address or domain, -f FILE or --message FILE.");
        }

        foreach (var input in inputs)
        {
            if ((input.Problem ?? input.UnjudgedBy(lists)) is { } problem)
            {
                throw new CliUsageException($"{input.Label}: {problem}.");
            }
        }
    }

    private static async Task<CheckSummary> RunWithProgressAsync(
        CliConsole console, DnsblClient client, Client.Lists.DnsList[] lists, IReadOnlyList<CheckInput> inputs, ICheckOutput output, CancellationToken cancellationToken)
    {
        CheckSummary? summary = null;
        await AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) })
            .Progress()
            .StartAsync(async context =>
            {
                var bar = context.AddTask("checking", maxValue: inputs.Count);
                summary = await CheckRun.RunAsync(client, lists, inputs, output, () => bar.Increment(1), cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return summary!;
    }
}

using System.CommandLine;
using Dnsbl.Cli.Commands;

namespace Dnsbl.Cli;

/// <summary>The dnsbl command line: parses arguments, runs one command, maps failures to exit codes.</summary>
internal static class CliApplication
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(args, new CliConsole(output, error), cancellationToken);

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var (output, error) = (console.Output, console.Error);
        var root = new RootCommand("Check IP addresses, domains and messages against DNS lists (DNSBL, DNSWL, RHSBL, URI lists).")
        {
            CheckCommand.Create(console),
            HealthCommand.Create(console),
            ListsCommand.Create(console),
            ImportCommand.Create(console),
            DemoCommand.Create(console),
            PolicyCommand.Create(console),
        };
        CliExamples.AddToHelp(root);
        root.WithExamples(
            "dnsbl demo",
            "dnsbl check 192.0.2.99 --list spamhaus-zen",
            "dnsbl health --list 'zen.spamhaus.org=127.0.0.[2..11]*3' --json");

        var parsed = root.Parse(args);
        // Help is shown even when the rest of the line is incomplete ('dnsbl import spamassassin --help' names no file).
        if (parsed.Errors.Count > 0 && parsed.Action is not CliExamples.ExamplesHelpAction)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"dnsbl: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'dnsbl --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (CliUsageException usage)
        {
            await error.WriteLineAsync($"dnsbl: {usage.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        catch (Exception invalid) when (invalid is ArgumentException or FormatException or Dnsbl.Client.DnsblConfigurationException)
        {
            await error.WriteLineAsync($"dnsbl: {invalid.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
    }
}

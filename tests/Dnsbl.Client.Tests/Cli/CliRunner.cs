using Dnsbl.Cli;

namespace Dnsbl.Client.Tests.Cli;

/// <summary>Runs the dnsbl command line in-process and captures what it writes.</summary>
internal static class CliRunner
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var exitCode = await CliApplication.RunAsync(args, output, error, timeout.Token);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>The exit code and the captured stdout and stderr of one run.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error);

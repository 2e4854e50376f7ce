using System.Text.Json;
using Dnsbl.Cli;

namespace Dnsbl.Client.IntegrationTests.Infrastructure;

/// <summary>One run of the dnsbl command line in-process: its exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, output, error, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The output parsed as JSON; fails the test with the error text when it is not JSON.</summary>
    public JsonElement Json()
    {
        Assert.True(Output.TrimStart().StartsWith('[') || Output.TrimStart().StartsWith('{'), $"not JSON (exit {ExitCode}): {Output} {Error}");
        using var document = JsonDocument.Parse(Output);
        return document.RootElement.Clone();
    }
}

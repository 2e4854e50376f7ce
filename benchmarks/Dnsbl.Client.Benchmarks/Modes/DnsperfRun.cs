using System.Diagnostics;
using System.Globalization;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>Runs dnsperf with the given arguments and reads its rate, so rounds can alternate it with the library's floods.</summary>
internal static class DnsperfRun
{
    private const string RateLabel = "Queries per second:";

    public static async Task<double> QueriesPerSecondAsync(string arguments)
    {
        var startInfo = new ProcessStartInfo("dnsperf", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dnsperf did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output;
        foreach (var line in text.Split('\n'))
        {
            var at = line.IndexOf(RateLabel, StringComparison.Ordinal);
            if (at >= 0)
            {
                var rate = double.Parse(line[(at + RateLabel.Length)..].Trim(), CultureInfo.InvariantCulture);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dnsperf: {rate:0} q/s ({string.Join("; ", text.Split('\n').Where(l => l.Contains("Queries lost", StringComparison.Ordinal)).Select(l => l.Trim()))})"));
                return rate;
            }
        }

        throw new InvalidOperationException($"dnsperf printed no rate (exit code {process.ExitCode}): {text}{await errors}");
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Dnsbl.Client.Benchmarks.Modes;

/// <summary>
/// Runs dnsperf with the given arguments under <c>/usr/bin/time</c> and reads its rate and its CPU per answer, so rounds
/// can alternate it with the library's floods and compare both on the same machine at the same moment.
/// </summary>
internal static class DnsperfRun
{
    private const string RateLabel = "Queries per second:";
    private const string CompletedLabel = "Queries completed:";

    // /usr/bin/time writes its own line last on stderr: user and system CPU seconds of dnsperf alone.
    private const string CpuMarker = "dnsperf-cpu";

    /// <summary>dnsperf's rate and CPU (user + system) per completed query; CPU is NaN without /usr/bin/time.</summary>
    public static async Task<(double Rate, double CpuMicrosecondsPerAnswer)> RunAsync(string arguments)
    {
        var timed = File.Exists("/usr/bin/time");
        var startInfo = timed
            ? new ProcessStartInfo("/usr/bin/time", $"-f \"{CpuMarker} %U %S\" dnsperf {arguments}")
            : new ProcessStartInfo("dnsperf", arguments);
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dnsperf did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output;
        var errorText = await errors;
        var rate = Number(text, RateLabel) ?? throw new InvalidOperationException($"dnsperf printed no rate (exit code {process.ExitCode}): {text}{errorText}");
        var completed = Number(text, CompletedLabel) ?? 0;
        var cpu = double.NaN;
        foreach (var line in errorText.Split('\n'))
        {
            var parts = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && parts[0] == CpuMarker)
            {
                cpu = double.Parse(parts[1], CultureInfo.InvariantCulture) + double.Parse(parts[2], CultureInfo.InvariantCulture);
            }
        }

        var perAnswer = completed > 0 ? cpu * 1e6 / completed : double.NaN;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dnsperf: {rate:0} q/s, CPU {cpu:0.00} s = {perAnswer:0.0} us per answer ({string.Join("; ", text.Split('\n').Where(l => l.Contains("Queries lost", StringComparison.Ordinal)).Select(l => l.Trim()))})"));
        return (rate, perAnswer);
    }

    // "  Queries per second:   41234.5" or "  Queries completed:    412345 (99.99%)": the first number after the label.
    private static double? Number(string text, string label)
    {
        foreach (var line in text.Split('\n'))
        {
            var at = line.IndexOf(label, StringComparison.Ordinal);
            if (at >= 0)
            {
                var rest = line[(at + label.Length)..].Trim();
                var end = rest.IndexOf(' ', StringComparison.Ordinal);
                return double.Parse(end < 0 ? rest : rest[..end], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}

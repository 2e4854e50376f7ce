using System.Diagnostics;
using System.Net;

namespace Dnsbl.Client.IntegrationTests.Infrastructure;

public sealed partial class RbldnsdServer
{
    private async Task<string> StopAsync()
    {
        if (!_running)
        {
            return "not running";
        }

        _running = false;
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        var errors = await _process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        var exitCode = _process.ExitCode;
        _process.Dispose();
        return $"exit code {exitCode}, stderr: {errors.Trim()}";
    }

    private static Process Start(string executable, string directory, IPEndPoint endPoint, IReadOnlyList<RbldnsdZone> zones, bool logQueries)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = false,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-n", "-q", "-b", $"127.0.0.1/{endPoint.Port}", "-w", directory })
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (logQueries)
        {
            // "+" makes rbldnsd write each line as it answers; the path is relative to -w. rbldnsd opens the file after
            // dropping root privileges, so it must already exist and be writable by everyone.
            CreateWorldWritableFile(Path.Combine(directory, QueryLogFileName));
            startInfo.ArgumentList.Add("-l");
            startInfo.ArgumentList.Add("+" + QueryLogFileName);
        }

        foreach (var zone in zones)
        {
            startInfo.ArgumentList.Add($"{zone.Zone}:{zone.DatasetType}:{zone.FileName}");
        }

        return Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {executable}.");
    }

    private static string? FindExecutable()
    {
        if (File.Exists(DefaultExecutablePath))
        {
            return DefaultExecutablePath;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "rbldnsd"))
            .FirstOrDefault(File.Exists);
    }
}

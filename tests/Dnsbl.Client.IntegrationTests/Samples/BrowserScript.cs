using System.Diagnostics;

namespace Dnsbl.Client.IntegrationTests.Samples;

/// <summary>Runs a tests/browser script in node against Debian's chromium; fails with the fix when a tool is missing (never skips).</summary>
internal static class BrowserScript
{
    public const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>The repository's root folder (the one holding Dnsbl.Client.sln).</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Dnsbl.Client.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Dnsbl.Client.sln not found above the test output.");
    }

    /// <summary>tests/browser with playwright-core installed.</summary>
    public static string ToolsFolder()
    {
        var tools = Path.Combine(RepositoryRoot(), "tests", "browser");
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium");
        Assert.True(FindOnPath("node") is not null, "node is missing: apt-get install -y nodejs npm");
        Assert.True(Directory.Exists(Path.Combine(tools, "node_modules", "playwright-core")), $"playwright-core is missing: run `npm ci` in {tools}");
        return tools;
    }

    /// <summary>Runs <paramref name="script"/> with <paramref name="environment"/>; returns its exit code and output (killed after the patience).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(FindOnPath("node")!)
        {
            WorkingDirectory = ToolsFolder(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.Environment["CHROMIUM"] = Chromium;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            await node.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync();
        }

        return (node.ExitCode, $"{await stdout}\n{await stderr}");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}

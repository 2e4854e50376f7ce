using System.Diagnostics;
using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Lists;
using Dnsbl.Samples.HealthDashboard;
using Microsoft.AspNetCore.Builder;

namespace Dnsbl.Client.IntegrationTests.Samples;

/// <summary>
/// The HealthDashboard sample in a real browser: rbldnsd serves a healthy list and one that lists everything, the
/// dashboard runs in-process on loopback, and tests/browser/dashboard.spec.js drives Debian's chromium against it.
/// </summary>
public sealed class HealthDashboardTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Soa = "$SOA 1h ns.lists.test hostmaster.lists.test 1 2h 30m 1w 5m\n$NS 1h ns.lists.test\n";
    private static readonly TimeSpan ScriptPatience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Dashboard_InChromium_ShowsBadListDisabledAndProbesOnClick()
    {
        var scriptFolder = BrowserToolsFolder();
        await using var rbldnsd = await RbldnsdServer.StartAsync(
            [
                new RbldnsdZone("good.test", "ip4set", "good.ip4set", Soa + ":127.0.0.2:Listed $\n127.0.0.2\n"),
                new RbldnsdZone("bad.test", "ip4set", "bad.ip4set", Soa + ":127.0.0.2:Everything $\n0.0.0.0/1\n128.0.0.0/1\n"),
            ],
            CancellationToken.None);
        var options = new DnsblOptions
        {
            Lists = [new DnsList("good.test"), new DnsList("bad.test")],
            Nameservers = [rbldnsd.EndPoint.ToString()],
        };
        options.Health.LoopbackNameserversAreRetired = false;
        options.Health.CheckNameservers = false;
        options.Health.HealthyInterval = TimeSpan.FromHours(1);
        options.Health.DisabledInterval = TimeSpan.FromHours(1);
        await using var client = new DnsblClient(options);
        await using var app = DashboardApp.Build(["--urls", "http://127.0.0.1:0"], client);
        await app.StartAsync();
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "health-dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        var (exitCode, output) = await RunScriptAsync(scriptFolder, app.Urls.Single(), screenshot);
        await app.StopAsync();

        Assert.True(exitCode == 0, $"dashboard.spec.js exited {exitCode}:\n{output}");
        Assert.True(new FileInfo(screenshot).Length > 0, $"no screenshot at {screenshot}:\n{output}");
    }

    /// <summary>tests/browser with playwright-core installed; fails with the fix when a tool is missing (never skips).</summary>
    private static string BrowserToolsFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Dnsbl.Client.sln")))
        {
            folder = folder.Parent;
        }

        var tools = Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Dnsbl.Client.sln not found above the test output."), "tests", "browser");
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium");
        Assert.True(FindOnPath("node") is not null, "node is missing: apt-get install -y nodejs npm");
        Assert.True(Directory.Exists(Path.Combine(tools, "node_modules", "playwright-core")), $"playwright-core is missing: run `npm ci` in {tools}");
        return tools;
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(string folder, string url, string screenshot)
    {
        var start = new ProcessStartInfo(FindOnPath("node")!)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("dashboard.spec.js");
        start.Environment["DASHBOARD_URL"] = url;
        start.Environment["BAD_LIST"] = "bad.test";
        start.Environment["GOOD_LIST"] = "good.test";
        start.Environment["SCREENSHOT"] = screenshot;
        start.Environment["CHROMIUM"] = Chromium;
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(ScriptPatience);
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

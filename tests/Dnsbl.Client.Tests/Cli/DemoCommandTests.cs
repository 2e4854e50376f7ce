using System.Text.Json;
using Dnsbl.Cli;

namespace Dnsbl.Client.Tests.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task RunAsync_DemoJson_ReportsHealthyListsAndExpectedVerdicts()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(["demo", "--json"], output, error, CancellationToken.None);

        Assert.True(exitCode == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var health = json.RootElement.GetProperty("health").EnumerateArray().ToList();
        Assert.Equal(["bl.demo.test", "wl.demo.test", "dbl.demo.test"], health.Select(h => h.GetProperty("zone").GetString()));
        Assert.All(health, h => Assert.Equal("healthy", h.GetProperty("state").GetString()));
        var verdicts = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("input").GetString()!, c => (Verdict: c.GetProperty("verdict").GetString(), Score: c.GetProperty("score").GetDouble()));
        Assert.Equal(("reject", 3.0), verdicts["127.0.0.2"]);
        Assert.Equal(("allowListed", -2.0), verdicts["203.0.113.10"]);
        Assert.Equal(("accept", 0.0), verdicts["198.51.100.7"]);
        Assert.Equal(("tag", 1.5), verdicts["2001:db8::2"]);
        Assert.Equal(("accept", 0.0), verdicts["2001:db8::1"]);
        Assert.Equal(("reject", 3.0), verdicts["mail.spam.example"]);
        Assert.Equal(("accept", 0.0), verdicts["good.example"]);
    }

    [Fact]
    public async Task RunAsync_DemoTable_PrintsHealthAndOneTablePerInput()
    {
        var output = new StringWriter();

        var exitCode = await CliApplication.RunAsync(["demo"], output, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, exitCode);
        var text = output.ToString();
        Assert.Contains("List health", text, StringComparison.Ordinal);
        Assert.Contains("127.0.0.2: score 3, reject", text, StringComparison.Ordinal);
        Assert.Contains("203.0.113.10: score -2, allow-listed", text, StringComparison.Ordinal);
        Assert.Contains("mail.spam.example: score 3, reject", text, StringComparison.Ordinal);
    }
}

using System.Text.Json;

namespace Dnsbl.Client.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dnsbl-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ImportPostscreen_MainCf_PrintsListsThresholdsAndProblemsOnStderr()
    {
        var mainCf = Write("main.cf", """
            postscreen_dnsbl_threshold = 3
            postscreen_dnsbl_sites = zen.spamhaus.org=127.0.0.[2..11]*3 list.dnswl.org=127.0.[0..255].[1..3]*-2
            postscreen_dnsbl_reply_map = texthash:/etc/postfix/dnsbl_reply
            """);

        var run = await CliRunner.RunAsync("import", "postscreen", mainCf);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var dnsbl = json.RootElement.GetProperty("Dnsbl");
        Assert.Equal(["zen.spamhaus.org", "list.dnswl.org"], dnsbl.GetProperty("Lists").EnumerateArray().Select(l => l.GetProperty("Zone").GetString()));
        Assert.Equal(3, dnsbl.GetProperty("Thresholds").GetProperty("Reject").GetDouble());
        var problem = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("dnsbl import: line 3: ", problem, StringComparison.Ordinal);
        Assert.Contains("reply map", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportSpamAssassin_SeveralFiles_LaterScoresWinAndProblemsNameTheirFile()
    {
        var rules = Write("20_dnsbl_tests.cf", """
            header __RCVD_IN_ZEN  eval:check_rbl('zen', 'zen.spamhaus.org.')
            header RCVD_IN_SBL    eval:check_rbl_sub('zen', '127.0.0.2')
            askdns DKIMDOMAIN_IN_DWL _DKIMDOMAIN_._vouch.dwl.spamhaus.org TXT
            """);
        var scores = Write("local.cf", "required_score 6\nscore RCVD_IN_SBL 4.5\n");

        var run = await CliRunner.RunAsync("import", "spamassassin", rules, scores);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var dnsbl = json.RootElement.GetProperty("Dnsbl");
        var rule = Assert.Single(dnsbl.GetProperty("Lists").EnumerateArray()).GetProperty("Rules").EnumerateArray().Single(r => r.GetProperty("Name").GetString() == "RCVD_IN_SBL");
        Assert.Equal(4.5, rule.GetProperty("Weight").GetDouble());
        Assert.Equal(6, dnsbl.GetProperty("Thresholds").GetProperty("Reject").GetDouble());
        Assert.Contains("dnsbl import: 20_dnsbl_tests.cf:3: ", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("dnsbl import: 1 lists with 2 rules, 0 meta rules; 1 lines reported", run.Error.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postscreen")]
    [InlineData("spamassassin")]
    public async Task Import_MissingFile_ExitsTwoNamingTheFile(string format)
    {
        var missing = Path.Combine(_folder, "nope.cf");

        var run = await CliRunner.RunAsync("import", format, missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains($"cannot read '{missing}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportSpamAssassin_NoFile_IsUsageError()
    {
        var run = await CliRunner.RunAsync("import", "spamassassin");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("dnsbl: ", run.Error, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}

namespace Dnsbl.Client.Tests.Cli;

/// <summary>'dnsbl policy' refuses bad settings before it listens; the running service is tested in Policy/ and end to end.</summary>
public sealed class PolicyCommandTests
{
    [Theory]
    [InlineData("--listen", "localhost:10045", "localhost:10045")]
    [InlineData("--status", "unix:/tmp/x", "TCP only")]
    [InlineData("--socket-mode", "999", "UnixSocketMode")]
    [InlineData("--redis", "127.0.0.1:9,notAnOption=1", "--redis: Dnsbl:Redis:Configuration is not a valid")]
    public async Task Policy_BadSetting_IsAUsageErrorNamingIt(string option, string value, string named)
    {
        var run = await CliRunner.RunAsync("policy", "--list", "bl.test", "--dns", "127.0.0.1:9", "--no-probe", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Error);
    }

    [Fact]
    public async Task Policy_NoList_IsAUsageError()
    {
        var run = await CliRunner.RunAsync("policy", "--listen", "127.0.0.1:0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No list given", run.Error);
    }
}

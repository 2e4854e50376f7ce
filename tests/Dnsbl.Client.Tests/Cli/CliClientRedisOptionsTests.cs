using Dnsbl.Cli.Commands;

namespace Dnsbl.Client.Tests.Cli;

/// <summary>
/// The Redis options a CLI command uses: a one-off command (check, health) waits at least
/// <see cref="CliClient.OneOffRedisTimeout"/> per reply (at most half the check's deadline), the policy service keeps the
/// mail path's configured timeout.
/// </summary>
public sealed class CliClientRedisOptionsTests : IDisposable
{
    private static readonly TimeSpan DefaultDeadline = new DnsblOptions().Deadline;
    private readonly string _directory = Directory.CreateTempSubdirectory("dnsbl-redis-options-").FullName;

    [Fact]
    public void RedisOptionsFor_NoRedisNamed_Null()
    {
        Assert.Null(CliClient.RedisOptionsFor(redis: null, configPath: null, service: false, DefaultDeadline));
        Assert.Null(CliClient.RedisOptionsFor(redis: null, Config("""{ "Dnsbl": { "Lists": [] } }"""), service: false, DefaultDeadline));
    }

    [Theory]
    [InlineData(false, 2000)] // one-off: the configured default (250 ms) is the mail path's, too short for a cold process
    [InlineData(true, 250)] // the policy service answers Postfix: it keeps the default
    public void RedisOptionsFor_RedisOnTheCommandLine_OneOffWaitsLonger(bool service, int expectedMilliseconds)
    {
        var options = CliClient.RedisOptionsFor("127.0.0.1:6379", configPath: null, service, DefaultDeadline)!;

        Assert.Equal("127.0.0.1:6379", options.Configuration);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), options.OperationTimeout);
    }

    [Theory]
    [InlineData("00:00:00.100", false, 2000)]
    [InlineData("00:00:00.100", true, 100)]
    [InlineData("00:00:05", false, 5000)] // a longer configured wait is kept
    [InlineData("00:00:05", true, 5000)]
    public void RedisOptionsFor_ConfiguredTimeout_OneOffNeverShorterThanItsPatience(string configured, bool service, int expectedMilliseconds)
    {
        var config = Config($$"""{ "Dnsbl": { "Redis": { "Configuration": "redis1:6379", "OperationTimeout": "{{configured}}", "KeyPrefix": "mx:" } } }""");

        var options = CliClient.RedisOptionsFor(redis: null, config, service, DefaultDeadline)!;

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), options.OperationTimeout);
        Assert.Equal("redis1:6379", options.Configuration);
        Assert.Equal("mx:", options.KeyPrefix); // the section's other settings still apply
    }

    [Fact]
    public void RedisOptionsFor_RedisOptionAndConfig_CommandLineNamesTheServer()
    {
        var config = Config("""{ "Dnsbl": { "Redis": { "Configuration": "redis1:6379", "OperationTimeout": "00:00:00.100" } } }""");

        var options = CliClient.RedisOptionsFor("127.0.0.1:7000", config, service: true, DefaultDeadline)!;

        Assert.Equal("127.0.0.1:7000", options.Configuration);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.OperationTimeout);
    }

    [Theory]
    [InlineData(1000, 500)] // --timeout 1000: a Redis that never answers still leaves DNS half the deadline
    [InlineData(3000, 1500)]
    [InlineData(4000, 2000)]
    [InlineData(60000, 2000)]
    [InlineData(400, 250)] // never shorter than what is configured
    public void RedisOptionsFor_ShortCheckDeadline_OneOffWaitsAtMostHalfOfIt(int deadlineMilliseconds, int expectedMilliseconds)
    {
        var options = CliClient.RedisOptionsFor("127.0.0.1:6379", configPath: null, service: false, TimeSpan.FromMilliseconds(deadlineMilliseconds))!;

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), options.OperationTimeout);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Config(string json)
    {
        var path = Path.Combine(_directory, $"config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}

using Dnsbl.Client.Redis;
using Dnsbl.Client.Tests.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Dnsbl.Client.Tests.Redis;

public sealed class DnsblRedisServiceCollectionTests
{
    // Port 1 on loopback refuses at once: the connection is made (disconnected) without waiting for a Redis.
    private const string Json = """
        { "Dnsbl": { "Sites": "bl.example", "Health": { "Enabled": false },
          "Redis": { "Configuration": "127.0.0.1:1,connectTimeout=200", "KeyPrefix": "fleet1:", "OperationTimeout": "00:00:00.100" } } }
        """;

    [Fact]
    public async Task AddDnsblRedis_DnsblRedisSection_ClientSharesThroughIt()
    {
        using var file = new JsonConfigurationFile(Json);
        var services = new ServiceCollection().AddDnsbl(file.Section).AddDnsblRedis(file.Section.GetSection("Redis"));
        await using var provider = services.BuildServiceProvider();

        var sharing = provider.GetRequiredService<DnsblSharing>();
        var connection = provider.GetRequiredService<DnsblRedisConnection>();

        Assert.NotNull(sharing.Answers);
        Assert.Same(connection.Sharing, sharing);
        Assert.Equal(["bl.example"], provider.GetRequiredService<DnsblClient>().Lists.Select(l => l.Name)); // "Redis" is not a DnsblOptions key
    }

    [Fact]
    public void AddDnsblRedis_UnknownKey_FailsNamingIt()
    {
        using var file = new JsonConfigurationFile("""{ "Dnsbl": { "Redis": { "Configuration": "127.0.0.1:1", "KeyPrefx": "x" } } }""");
        var services = new ServiceCollection().AddDnsblRedis(file.Section.GetSection("Redis"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<DnsblSharing>());
        Assert.Contains("KeyPrefx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectAsync_NoConfiguration_ThrowsConfigurationError()
    {
        var error = Assert.Throws<DnsblConfigurationException>(() => DnsblRedisConnection.ConfigurationOf(new DnsblRedisOptions()));
        Assert.Contains("Configuration", error.Message, StringComparison.Ordinal);
    }
}

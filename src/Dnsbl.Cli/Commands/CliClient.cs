using Dnsbl.Client;
using Dnsbl.Client.Redis;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Cli.Commands;

/// <summary>A command's client, sharing answers through the fleet's Redis when <c>--redis</c> names one.</summary>
internal sealed class CliClient : IAsyncDisposable
{
    private readonly DnsblRedisConnection? _redis;

    private CliClient(DnsblClient client, DnsblRedisConnection? redis)
    {
        Client = client;
        _redis = redis;
    }

    public DnsblClient Client { get; }

    /// <summary>The fleet's Redis, when the command shares through one.</summary>
    public DnsblRedisConnection? Redis => _redis;

    /// <summary>
    /// A client for <paramref name="options"/>; with <paramref name="redis"/> (a StackExchange.Redis configuration string),
    /// or a <c>Dnsbl:Redis</c> section with a <c>Configuration</c> in <paramref name="configPath"/>, it shares answers and
    /// list health through that Redis (the section's other settings apply too; <c>--redis</c> replaces its <c>Configuration</c>).
    /// </summary>
    public static async Task<CliClient> CreateAsync(DnsblOptions options, string? redis, ILoggerFactory? loggerFactory = null, string? configPath = null)
    {
        var redisOptions = RedisSection.Load(configPath);
        if (redis is not null)
        {
            redisOptions ??= new DnsblRedisOptions();
            redisOptions.Configuration = redis;
        }

        if (redisOptions is null)
        {
            return new CliClient(new DnsblClient(options, loggerFactory), null);
        }

        DnsblRedisConnection connection;
        try
        {
            connection = await DnsblRedisConnection.ConnectAsync(redisOptions, loggerFactory).ConfigureAwait(false);
        }
        catch (DnsblConfigurationException exception)
        {
            throw new CliUsageException($"--redis: {exception.Message}");
        }

        return new CliClient(new DnsblClient(options, connection.Sharing, loggerFactory), connection);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        if (_redis is not null)
        {
            await _redis.DisposeAsync().ConfigureAwait(false);
        }
    }
}

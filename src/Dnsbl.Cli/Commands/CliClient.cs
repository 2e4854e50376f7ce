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
    /// How long a one-off command (<c>check</c>, <c>health</c>) waits for one Redis reply when the configured wait is shorter. The configured
    /// <see cref="DnsblRedisOptions.OperationTimeout"/> (250 ms by default) is the mail path's, where a check must not
    /// wait on Redis; a one-off run is a person or a script asking, and a fresh process's first replies on a busy host
    /// can outlast 250 ms: 'health' would then report no leader and probe every list itself, and a bulk 'check' would
    /// open the Redis breaker and ask DNS what the fleet already holds. The policy service keeps the configured value.
    /// Never more than half the check's deadline: a Redis that accepts and never answers must still leave DNS its time.
    /// </summary>
    public static readonly TimeSpan OneOffRedisTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A client for <paramref name="options"/>; with <paramref name="redis"/> (a StackExchange.Redis configuration string),
    /// or a <c>Dnsbl:Redis</c> section with a <c>Configuration</c> in <paramref name="configPath"/>, it shares answers and
    /// list health through that Redis (the section's other settings apply too; <c>--redis</c> replaces its <c>Configuration</c>).
    /// A one-off command (<paramref name="service"/> false) waits longer per Redis reply (<see cref="OneOffRedisTimeout"/>).
    /// </summary>
    public static async Task<CliClient> CreateAsync(DnsblOptions options, string? redis, bool service, ILoggerFactory? loggerFactory = null, string? configPath = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var redisOptions = RedisOptionsFor(redis, configPath, service, options.Deadline);
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

    /// <summary>
    /// The Redis options a command uses: the config's section, <paramref name="redis"/> as its server, and for a one-off
    /// command a wait per reply of <see cref="OneOffRedisTimeout"/> or half of <paramref name="checkDeadline"/>, whichever
    /// is shorter, when the configured one is shorter still; null without Redis.
    /// </summary>
    internal static DnsblRedisOptions? RedisOptionsFor(string? redis, string? configPath, bool service, TimeSpan checkDeadline)
    {
        var redisOptions = RedisSection.Load(configPath);
        if (redis is not null)
        {
            redisOptions ??= new DnsblRedisOptions();
            redisOptions.Configuration = redis;
        }

        var patience = TimeSpan.FromTicks(Math.Min(OneOffRedisTimeout.Ticks, checkDeadline.Ticks / 2));
        if (redisOptions is not null && !service && redisOptions.OperationTimeout < patience)
        {
            redisOptions.OperationTimeout = patience;
        }

        return redisOptions;
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

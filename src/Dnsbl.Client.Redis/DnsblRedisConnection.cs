using System.ComponentModel.DataAnnotations;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Dnsbl.Client.Redis;

/// <summary>
/// A connection to the fleet's Redis and what a client shares through it (<see cref="Sharing"/>, to pass to
/// <see cref="DnsblClient(DnsblOptions, DnsblSharing, ILoggerFactory?, TimeProvider?, IMeterFactory?)"/>). Connecting
/// never fails because Redis is down: the client then works alone, and sharing starts when Redis answers.
/// </summary>
public sealed class DnsblRedisConnection : IAsyncDisposable
{
    private readonly RedisMetrics _metrics;

    private DnsblRedisConnection(IConnectionMultiplexer multiplexer, DnsblRedisOptions options, ILoggerFactory loggerFactory, TimeProvider time, IMeterFactory? meterFactory)
    {
        Multiplexer = multiplexer;
        _metrics = new RedisMetrics(meterFactory);
        Sharing = new DnsblSharing
        {
            Answers = new RedisAnswerCache(multiplexer, options, _metrics, time, loggerFactory.CreateLogger("Dnsbl.Client.Redis")),
            Budget = new Budget.RedisBudgetCounter(multiplexer, options, _metrics, time, loggerFactory.CreateLogger("Dnsbl.Client.Redis")),
        };
    }

    /// <summary>What a client shares through this connection.</summary>
    public DnsblSharing Sharing { get; }

    internal IConnectionMultiplexer Multiplexer { get; }

    /// <summary>Connects to the Redis that <paramref name="options"/> names (in the background when it is not reachable yet).</summary>
    /// <param name="options">Where Redis is and how long to wait for it.</param>
    /// <param name="loggerFactory">Where logs go; none by default.</param>
    /// <param name="timeProvider">The clock for timeouts, the breaker and expiries; the system clock by default.</param>
    /// <param name="meterFactory">Creates the "Dnsbl.Client.Redis" meter; a standalone meter by default.</param>
    /// <returns>The connection; dispose it after the clients that use it.</returns>
    /// <exception cref="DnsblConfigurationException">The options are invalid (the message names every problem).</exception>
    public static async Task<DnsblRedisConnection> ConnectAsync(DnsblRedisOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
    {
        var configuration = ConfigurationOf(options);
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        return new DnsblRedisConnection(multiplexer, options, loggerFactory ?? NullLoggerFactory.Instance, timeProvider ?? TimeProvider.System, meterFactory);
    }

    internal static DnsblRedisConnection Connect(DnsblRedisOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, IMeterFactory? meterFactory) =>
        new(ConnectionMultiplexer.Connect(ConfigurationOf(options)), options, loggerFactory ?? NullLoggerFactory.Instance, timeProvider ?? TimeProvider.System, meterFactory);

    /// <summary>The options checked, as a StackExchange.Redis configuration that never aborts on a failed connect and never queues while disconnected.</summary>
    internal static ConfigurationOptions ConfigurationOf(DnsblRedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            throw new DnsblConfigurationException([.. errors.Select(e => $"Dnsbl:Redis: {e.ErrorMessage}")]);
        }

        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(options.Configuration);
        }
        catch (ArgumentException exception)
        {
            // The message may quote the string, and the string may hold a password: say only that it did not parse.
            throw new DnsblConfigurationException("Dnsbl:Redis:Configuration is not a valid StackExchange.Redis configuration string.", new InvalidOperationException(exception.GetType().Name));
        }

        configuration.AbortOnConnectFail = false;
        // A command issued while disconnected fails at once instead of waiting in a backlog: the check goes on to DNS.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        return configuration;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Answers written behind (fire and forget) are sent before the connection closes.
        if (Multiplexer.IsConnected)
        {
            await Multiplexer.CloseAsync(allowCommandsToComplete: true).ConfigureAwait(false);
        }

        await Multiplexer.DisposeAsync().ConfigureAwait(false);
        _metrics.Dispose();
    }
}

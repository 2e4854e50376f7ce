using System.Diagnostics.Metrics;
using Dnsbl.Client;
using Dnsbl.Client.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shares the <see cref="DnsblClient"/>'s answers with a fleet through Redis: <c>services.AddDnsbl(…).AddDnsblRedis(…)</c>.</summary>
public static class DnsblRedisServiceCollectionExtensions
{
    /// <summary>Adds the Redis tier configured from <paramref name="configuration"/> (the <c>Dnsbl:Redis</c> section: <c>Configuration</c>, <c>KeyPrefix</c>, <c>OperationTimeout</c>, <c>FailuresToBreak</c>, <c>BreakDuration</c>).</summary>
    /// <param name="services">The services (with <c>AddDnsbl</c>).</param>
    /// <param name="configuration">The section.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddDnsblRedis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddDnsblRedis(options => configuration.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true));
    }

    /// <summary>Adds the Redis tier configured in code.</summary>
    /// <param name="services">The services (with <c>AddDnsbl</c>).</param>
    /// <param name="configure">Sets the options (at least <see cref="DnsblRedisOptions.Configuration"/>).</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddDnsblRedis(this IServiceCollection services, Action<DnsblRedisOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(provider =>
        {
            var options = new DnsblRedisOptions();
            configure(options);
            return DnsblRedisConnection.Connect(options, provider.GetService<ILoggerFactory>(), provider.GetService<TimeProvider>(), provider.GetService<IMeterFactory>());
        });
        services.TryAddSingleton(static provider => provider.GetRequiredService<DnsblRedisConnection>().Sharing);
        return services;
    }
}

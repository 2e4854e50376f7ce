using System.Diagnostics.Metrics;
using Dnsbl.Client;
using Dnsbl.Client.Configuration;
using Dnsbl.Client.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="DnsblClient"/>, its health monitor and the health probing service.</summary>
/// <remarks>
/// Registered: <see cref="DnsblClient"/> (singleton, built from <see cref="IOptionsMonitor{TOptions}"/> of
/// <see cref="DnsblOptions"/>, <see cref="ILoggerFactory"/>, <see cref="TimeProvider"/> and <see cref="IMeterFactory"/>),
/// <see cref="DnsblHealthMonitor"/> (the client's <see cref="DnsblClient.Health"/>), the hosted
/// <see cref="DnsblHealthProbeService"/>, and options validation run at start-up. When the options change (a reloaded
/// <c>appsettings.json</c>), the client swaps in the new lists and check settings; lists that keep their name keep
/// their health. Nameservers, attempts and health options apply when the client is first built. Calling any overload
/// again adds only its configuration; the services are registered once.
/// </remarks>
public static class DnsblServiceCollectionExtensions
{
    /// <summary>Adds the DNS list client, configured from <paramref name="configuration"/> (e.g. the <c>Dnsbl</c> section).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">
    /// The section. <c>Lists</c> holds catalogue names (<c>"spamhaus-zen"</c>) and list objects in the shape
    /// <see cref="DnsblConfigurationJson"/> writes; <c>Sites</c> holds postscreen entries
    /// (<c>"zen.spamhaus.org=127.0.0.[2..11]*3, list.dnswl.org=127.0.[0..255].[1..3]*-2"</c>); every other key
    /// (<c>Nameservers</c>, <c>AttemptTimeout</c>, <c>UseCaseRandomization</c>, <c>Thresholds</c>, <c>Cache</c>,
    /// <c>Health</c>...) binds to the <see cref="DnsblOptions"/> property of the same name through
    /// <see cref="ConfigurationBinder"/>. Unknown keys, bad values and retired lists fail validation with a message
    /// naming the key.
    /// </param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddDnsbl(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDnsbl();
        services.AddSingleton<IOptionsChangeTokenSource<DnsblOptions>>(new ConfigurationChangeTokenSource<DnsblOptions>(Options.Options.DefaultName, configuration));
        services.Configure<DnsblOptions>(options => DnsblOptionsBinder.Bind(configuration, options));
        return services;
    }

    /// <summary>Adds the DNS list client, configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (lists, nameservers, thresholds...).</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddDnsbl(this IServiceCollection services, Action<DnsblOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddDnsbl();
        services.Configure(configure);
        return services;
    }

    /// <summary>Adds the DNS list client; configure <see cref="DnsblOptions"/> elsewhere (e.g. <c>services.Configure</c>).</summary>
    /// <param name="services">The services.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddDnsbl(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DnsblOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DnsblOptions>, DnsblOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(CreateClient);
        services.TryAddSingleton(static provider => provider.GetRequiredService<DnsblClient>().Health);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DnsblHealthProbeService>());
        return services;
    }

    private static DnsblClient CreateClient(IServiceProvider provider)
    {
        var monitor = provider.GetRequiredService<IOptionsMonitor<DnsblOptions>>();
        var client = new DnsblClient(
            monitor.CurrentValue,
            resolver: null,
            provider.GetService<ILoggerFactory>(),
            provider.GetService<TimeProvider>(),
            provider.GetService<IMeterFactory>(),
            provider.GetService<DnsblSharing>());
        client.FollowOptions(monitor);
        return client;
    }
}

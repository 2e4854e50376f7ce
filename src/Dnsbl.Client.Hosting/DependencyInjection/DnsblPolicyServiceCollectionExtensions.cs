using Dnsbl.Client.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Postfix policy service (<see cref="DnsblPolicyServer"/>) as a hosted service.</summary>
public static class DnsblPolicyServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Postfix SMTP access policy service over the registered <c>DnsblClient</c> (adding the client's services
    /// when missing; configure its lists with <c>AddDnsbl</c>). It listens when the host starts and stops gracefully with
    /// it. The host's health probing service probes the lists, so <see cref="DnsblPolicyOptions.RunHealthProbing"/> is
    /// turned off here. Calling it again adds only its configuration.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets where to listen and how to answer.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddDnsblPolicyServer(this IServiceCollection services, Action<DnsblPolicyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddDnsbl();
        services.Configure(configure);
        services.PostConfigure<DnsblPolicyOptions>(static options => options.RunHealthProbing = false);
        services.TryAddSingleton<DnsblPolicyHostedService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DnsblPolicyHostedService>(static provider => provider.GetRequiredService<DnsblPolicyHostedService>()));
        return services;
    }
}

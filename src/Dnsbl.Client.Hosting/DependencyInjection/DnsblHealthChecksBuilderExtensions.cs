using Dnsbl.Client.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds <see cref="DnsblHealthCheck"/> to ASP.NET Core health checks.</summary>
public static class DnsblHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check reporting list health: degraded when some lists are disabled or failing, unhealthy (or
    /// <paramref name="failureStatus"/>) when every list is disabled. Needs <c>AddDnsbl</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status reported when every list is disabled; unhealthy by default.</param>
    /// <param name="tags">Tags to filter checks by (e.g. "ready").</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static IHealthChecksBuilder AddDnsblHealthCheck(
        this IHealthChecksBuilder builder, string name = "dnsbl", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(
            name, static provider => new DnsblHealthCheck(provider.GetRequiredService<DnsblHealthMonitor>()), failureStatus, tags));
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dnsbl.Client.Health;

/// <summary>
/// Reports list health to ASP.NET Core health checks: healthy when every list is enabled and healthy (or not probed yet),
/// degraded when some lists are disabled or failing, unhealthy when every list is disabled. The data holds each list's
/// state and reason, keyed by list name.
/// </summary>
/// <remarks>Thread-safe: it only reads the health monitor, which is thread-safe; the health-check host may call it concurrently.</remarks>
public sealed class DnsblHealthCheck : IHealthCheck
{
    private readonly DnsblHealthMonitor _monitor;

    /// <summary>Creates a health check reading <paramref name="monitor"/>.</summary>
    /// <param name="monitor">The monitor whose report is read (never probed by the check itself).</param>
    public DnsblHealthCheck(DnsblHealthMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        _monitor = monitor;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = _monitor.GetReport();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var list in report.Lists)
        {
            data[list.Name] = $"{JsonNameOf(list.State)}{(list.Enabled ? string.Empty : " (disabled)")}: {list.DisabledReason ?? list.Reason}";
        }

        var disabled = report.Lists.Count(l => !l.Enabled);
        var troubled = report.Lists.Count(l => l.Enabled && l.State is not (ListHealthState.Healthy or ListHealthState.Unknown));
        var total = report.Lists.Count;
        HealthCheckResult result;
        if (total > 0 && disabled == total)
        {
            result = new HealthCheckResult(context?.Registration?.FailureStatus ?? HealthStatus.Unhealthy, $"all {total} DNS lists are disabled", data: data);
        }
        else if (disabled > 0)
        {
            result = HealthCheckResult.Degraded($"{disabled} of {total} DNS lists are disabled", data: data);
        }
        else if (troubled > 0)
        {
            result = HealthCheckResult.Degraded($"{troubled} of {total} DNS lists failed their latest probe", data: data);
        }
        else
        {
            result = HealthCheckResult.Healthy($"all {total} DNS lists are healthy or not probed yet", data);
        }

        return Task.FromResult(result);
    }

    private static string JsonNameOf(ListHealthState state)
    {
        var name = state.ToString();
        return string.Concat(name[..1].ToLowerInvariant(), name[1..]);
    }
}

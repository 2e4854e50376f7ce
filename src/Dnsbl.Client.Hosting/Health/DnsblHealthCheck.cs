using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dnsbl.Client.Health;

/// <summary>
/// Reports list health to ASP.NET Core health checks: healthy when every list is enabled and healthy (or not probed yet),
/// degraded when some lists are missing from checks (disabled, their circuit is open or they are over budget: the server
/// accepts without them), near or over their query budget, or failing, unhealthy when every list is missing. The data holds each list's state, circuit and reason, keyed by list
/// name; the description of a degraded result ends with the summary line (<see cref="DnsblHealthSummary.Text"/>).
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
            var circuit = list.Circuit == ListCircuitState.Open ? $" (circuit open until {list.CircuitRetryAt:HH:mm:ss}Z)" : string.Empty;
            var budget = list.Budget is { State: not ListBudgetState.Within } b ? $" ({JsonNameOf(b.State)}{(b.Skipping ? ", skipped" : string.Empty)})" : string.Empty;
            data[list.Name] = $"{JsonNameOf(list.State)}{(list.Enabled ? string.Empty : " (disabled)")}{circuit}{budget}: {list.DisabledReason ?? list.Reason}";
        }

        var summary = report.Summary;
        var troubled = report.Lists.Count(l => l.Enabled && l.State is not (ListHealthState.Healthy or ListHealthState.Unknown));
        var total = report.Lists.Count;
        HealthCheckResult result;
        if (total > 0 && summary.Missing == total)
        {
            result = new HealthCheckResult(context?.Registration?.FailureStatus ?? HealthStatus.Unhealthy,
                summary.Disabled == total ? $"all {total} DNS lists are disabled" : $"all {total} DNS lists are missing: {summary.Text}", data: data);
        }
        else if (summary.Missing > 0)
        {
            result = HealthCheckResult.Degraded($"{summary.Missing} of {total} DNS lists are missing: {summary.Text}", data: data);
        }
        else if (summary.OverBudget > 0)
        {
            result = HealthCheckResult.Degraded($"{summary.OverBudget} of {total} DNS lists are near or over their query budget: {summary.Text}", data: data);
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

    private static string JsonNameOf<TState>(TState state)
        where TState : struct, Enum
    {
        var name = state.ToString();
        return string.Concat(name[..1].ToLowerInvariant(), name[1..]);
    }
}

using Microsoft.Extensions.Hosting;

namespace Dnsbl.Client.Health;

/// <summary>Runs the monitor's probing loop (<see cref="DnsblHealthMonitor.RunAsync"/>) for the lifetime of the host.</summary>
/// <remarks>Thread-safe: the host starts and stops it; its probing goes through the thread-safe health monitor.</remarks>
public sealed class DnsblHealthProbeService : BackgroundService
{
    private readonly DnsblHealthMonitor _monitor;

    /// <summary>Creates the service for <paramref name="monitor"/>.</summary>
    /// <param name="monitor">The monitor to run.</param>
    public DnsblHealthProbeService(DnsblHealthMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        _monitor = monitor;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _monitor.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: the normal way out.
        }
    }
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dnsbl.Client.Policy;

/// <summary>
/// Runs a <see cref="DnsblPolicyServer"/> over the host's <see cref="DnsblClient"/> for the lifetime of the host: it
/// listens when the host starts and stops gracefully (requests in flight answered) when the host stops. Registered by
/// <c>AddDnsblPolicyServer</c>; list health is probed by the host's <see cref="Health.DnsblHealthProbeService"/>.
/// </summary>
internal sealed class DnsblPolicyHostedService : IHostedService, IAsyncDisposable
{
    public DnsblPolicyHostedService(DnsblClient client, IOptions<DnsblPolicyOptions> options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Server = new DnsblPolicyServer(client, options.Value, loggerFactory, timeProvider, meterFactory);
    }

    public DnsblPolicyServer Server { get; }

    public Task StartAsync(CancellationToken cancellationToken) => Server.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Server.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

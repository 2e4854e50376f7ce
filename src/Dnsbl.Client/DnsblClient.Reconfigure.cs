using Dnsbl.Client.Configuration;
using Dnsbl.Client.Lookups;
using Dnsbl.Client.Telemetry;
using Microsoft.Extensions.Options;

namespace Dnsbl.Client;

public sealed partial class DnsblClient
{
    private readonly Lock _reconfiguring = new();
    private IDisposable? _optionsSubscription;

    /// <summary>
    /// Swaps in new lists and check settings (an options reload). Lists whose name stays keep their health state and
    /// overrides (see <see cref="Health.DnsblHealthMonitor.UpdateLists"/>); the cache, in-flight table and circuit
    /// breakers start afresh because they are keyed by list slot. Nameservers, attempts and health options are fixed
    /// when the client is built. Checks already running finish on the configuration they started with.
    /// </summary>
    /// <param name="options">The new options.</param>
    /// <exception cref="DnsblConfigurationException">The options are invalid; nothing changes.</exception>
    internal void Reconfigure(DnsblOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        DnsblOptionsValidation.ThrowIfInvalid(options);
        var next = SnapshotOf(options, _time);
        lock (_reconfiguring)
        {
            try
            {
                Health.UpdateLists(next.Lists);
            }
            catch (ArgumentException e)
            {
                throw new DnsblConfigurationException([e.Message]);
            }

            _engine.Swap(next.ResolveGates(Health));
        }

        Log.Reconfigured(_logger, next.Lists.Length);
    }

    /// <summary>Reconfigures on every change of the default options until the client is disposed.</summary>
    internal void FollowOptions(IOptionsMonitor<DnsblOptions> monitor)
    {
        _optionsSubscription = monitor.OnChange((options, name) =>
        {
            if (name != Options.DefaultName || _disposed != 0)
            {
                return;
            }

            try
            {
                Reconfigure(options);
            }
            catch (DnsblConfigurationException e)
            {
                // A reload must not take the client down: keep the configuration that works and say why.
                Log.ReconfigureRejected(_logger, string.Join(" ", e.Errors));
            }
        });
    }
}

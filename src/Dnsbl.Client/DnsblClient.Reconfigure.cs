namespace Dnsbl.Client;

public sealed partial class DnsblClient
{
    /// <summary>
    /// Swaps in new lists and check settings (an options reload). Lists whose name stays keep their health state and
    /// overrides (see <see cref="Health.DnsblHealthMonitor.UpdateLists"/>); the cache, in-flight table and circuit
    /// breakers start afresh because they are keyed by list slot. Nameservers, time-outs per attempt and health options
    /// are fixed when the client is built. Checks already running finish on the configuration they started with.
    /// </summary>
    /// <param name="options">The new options.</param>
    /// <exception cref="DnsblConfigurationException">The options are invalid; nothing changes.</exception>
    internal void Reconfigure(DnsblOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        DnsblOptionsValidation.ThrowIfInvalid(options);
        var next = ClientSnapshot.Create(options, _time);
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

            Volatile.Write(ref _snapshot, next);
        }
    }

}

using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Health;

public sealed partial class DnsblHealthMonitor
{
    // One write at a time, each of the newest local state: two writes in flight could land out of order.
    private readonly SemaphoreSlim _publishing = new(1, 1);

    /// <summary>The leader publishes a list's state right after its round (followers learn it at once, not at the next sync).</summary>
    private void PublishRoundBehind(MonitoredList entry)
    {
        if (_shared is not null && _role == SharedHealthRole.Leader)
        {
            _ = PublishStatesAsync([entry], _disposed.Token);
        }
    }

    private async Task PublishStatesAsync(IReadOnlyList<MonitoredList> entries, CancellationToken token)
    {
        try
        {
            await _publishing.WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            SharedListHealth[] states;
            lock (_gate)
            {
                // Only what a probe decided: a list never probed has nothing to tell the fleet.
                states = [.. entries.Where(e => e.Status.LastProbe is not null).Select(ToShared)];
            }

            if (states.Length > 0)
            {
                await _shared!.PublishAsync(states, token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (!token.IsCancellationRequested)
        {
            Log.FleetPublishFailed(_logger, exception);
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>A local override change waits to be published; the fleet's view of the list is not taken meanwhile.</summary>
    private void MarkOverridePendingLocked(MonitoredList entry)
    {
        if (_shared is not null)
        {
            entry.OverrideVersion++;
            _overrideEpoch++;
            _pendingOverrides.Add(entry);
        }
    }

    private void PublishOverrideBehind(MonitoredList entry)
    {
        if (_shared is not null)
        {
            _ = PublishOverridesAsync([entry], _disposed.Token);
        }
    }

    private Task PublishPendingOverridesAsync(CancellationToken token)
    {
        MonitoredList[] pending;
        lock (_gate)
        {
            pending = [.. _pendingOverrides];
        }

        return pending.Length == 0 ? Task.CompletedTask : PublishOverridesAsync(pending, token);
    }

    /// <summary>Publishes each entry's current override; an entry leaves the pending set when the latest change is out.</summary>
    private async Task PublishOverridesAsync(IReadOnlyList<MonitoredList> entries, CancellationToken token)
    {
        try
        {
            await _publishing.WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            foreach (var entry in entries)
            {
                ListHealthOverride value;
                string? reason;
                int version;
                DnsList list;
                lock (_gate)
                {
                    (value, reason, version, list) = (entry.Status.Override, entry.Status.OverrideReason, entry.OverrideVersion, entry.List);
                }

                if (!await _shared!.PublishOverrideAsync(list, value, value == ListHealthOverride.ForceDisabled ? ZoneRedactor.Redact(reason) : null, token).ConfigureAwait(false))
                {
                    return; // unreachable: the next sync tries again
                }

                lock (_gate)
                {
                    if (entry.OverrideVersion == version)
                    {
                        _pendingOverrides.Remove(entry);
                    }
                }
            }
        }
        catch (Exception exception) when (!token.IsCancellationRequested)
        {
            Log.FleetPublishFailed(_logger, exception);
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>The entry's state for the fleet, with every zone and query name redacted (a DQS key never leaves the node).</summary>
    private static SharedListHealth ToShared(MonitoredList entry)
    {
        var status = entry.Status;
        return new SharedListHealth
        {
            List = entry.List,
            State = status.State,
            Reason = ZoneRedactor.Redact(status.Reason),
            Evidence = [.. status.Evidence.Select(e => e with { QueryName = ZoneRedactor.Redact(e.QueryName) })],
            AutoDisabled = status.AutoDisabled,
            DisabledReason = status.DisabledReason is null ? null : ZoneRedactor.Redact(status.DisabledReason),
            LastProbe = status.LastProbe,
            LastChange = status.LastChange,
            ConsecutiveFailures = status.ConsecutiveFailures,
            ConsecutiveSuccesses = status.ConsecutiveSuccesses,
            ConsecutiveUnreachable = status.ConsecutiveUnreachable,
        };
    }
}

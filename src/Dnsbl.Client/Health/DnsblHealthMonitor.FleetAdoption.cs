namespace Dnsbl.Client.Health;

// What a node takes from the fleet after a sync: a newer published state, and the fleet's override unless its own is newer.
public sealed partial class DnsblHealthMonitor
{
    /// <summary>Takes a published state that is newer than what this node knows (the new leader's seed, the follower's view).</summary>
    private void AdoptState(MonitoredList entry, SharedListHealth? published)
    {
        if (published is null)
        {
            return;
        }

        ListHealth before, after;
        lock (_gate)
        {
            entry.SharedFreshUntil = published.FreshUntil;
            var local = entry.Status.LastProbe;
            if (published.LastProbe is not { } probed || (local is { } mine && probed <= mine))
            {
                return;
            }

            before = entry.Snapshot();
            entry.Status = entry.Status with
            {
                State = published.State,
                Reason = published.Reason,
                Evidence = published.Evidence,
                AutoDisabled = published.AutoDisabled,
                DisabledReason = published.DisabledReason,
                LastProbe = published.LastProbe,
                LastChange = published.LastChange,
                ConsecutiveFailures = published.ConsecutiveFailures,
                ConsecutiveSuccesses = published.ConsecutiveSuccesses,
                ConsecutiveUnreachable = published.ConsecutiveUnreachable,
            };
            if (entry.Running is null)
            {
                // The probe schedule continues from the leader's: a node that takes over probes when the leader would have.
                entry.NextProbeAt = probed + NextInterval(entry.Status.IsEnabled);
            }

            after = entry.Snapshot();
            RecordChangeLocked(entry, before, after, "fleet", after.DisabledReason ?? after.Reason);
        }

        if (before.State != after.State || before.Enabled != after.Enabled)
        {
            Log.ListHealthChanged(_logger, after.Name, before.State, after.State, after.Enabled, after.DisabledReason ?? after.Reason);
            Raise(before, after);
        }
    }

    /// <summary>Takes the fleet's override unless this node changed its own since the sync began or has not published it yet.</summary>
    private void AdoptOverride(MonitoredList entry, SharedListOverride? fleet, int epoch)
    {
        var value = fleet?.Value ?? ListHealthOverride.None;
        var reason = value == ListHealthOverride.ForceDisabled ? fleet?.Reason ?? "disabled for the fleet" : null;
        ListHealth before, after;
        lock (_gate)
        {
            if (_pendingOverrides.Contains(entry) || epoch != _overrideEpoch
                || (entry.Status.Override == value && (value != ListHealthOverride.ForceDisabled || entry.Status.OverrideReason == reason)))
            {
                return;
            }

            before = entry.Snapshot();
            var now = _time.GetUtcNow();
            entry.Status = value switch
            {
                ListHealthOverride.ForceEnabled => ListHealthStateMachine.ForceEnable(entry.Status, now),
                ListHealthOverride.ForceDisabled => ListHealthStateMachine.ForceDisable(entry.Status, reason!, now),
                _ => ListHealthStateMachine.ClearOverride(entry.Status, now),
            };
            after = entry.Snapshot();
            RecordChangeLocked(entry, before, after, "fleet operator", after.DisabledReason ?? "override cleared by the fleet");
        }

        Log.ListOverrideChanged(_logger, after.Name, after.Override, after.Enabled, $"set for the fleet{(fleet?.SetBy is { } node ? $" on {node}" : "")}");
        if (before.Enabled != after.Enabled)
        {
            Raise(before, after);
        }
    }
}

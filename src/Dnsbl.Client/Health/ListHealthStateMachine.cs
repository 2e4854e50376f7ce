namespace Dnsbl.Client.Health;

/// <summary>
/// The pure state machine with hysteresis. Faults the probes saw directly (lists everything, dead, refusing, not listing
/// the test point) disable a list at once; being unreachable disables it only after
/// <see cref="DnsblHealthOptions.UnreachableThreshold"/> rounds in a row, because a lost packet is not a fault of the list.
/// A disabled list is enabled again only after <see cref="DnsblHealthOptions.RecoveryThreshold"/> healthy rounds in a row,
/// so a flapping list does not flap lookups. Operator overrides win over both. With
/// <see cref="DnsblHealthOptions.Enabled"/> false, verdicts are recorded but never disable a list.
/// </summary>
internal static class ListHealthStateMachine
{
    public static ListHealthStatus Apply(ListHealthStatus current, ProbeRound round, DateTimeOffset at, DnsblHealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(options);
        var healthy = round.State == ListHealthState.Healthy;
        var successes = healthy ? current.ConsecutiveSuccesses + 1 : 0;
        var unreachable = round.State == ListHealthState.Unreachable ? current.ConsecutiveUnreachable + 1 : 0;
        var autoDisabled = current.AutoDisabled;
        var disabledReason = current.DisabledReason;
        var reason = round.Reason;
        if (options.Enabled)
        {
            switch (round.State)
            {
                case ListHealthState.Healthy when autoDisabled && successes >= options.RecoveryThreshold:
                    autoDisabled = false;
                    disabledReason = null;
                    reason = $"{round.Reason} (enabled again after {successes} healthy rounds)";
                    break;
                case ListHealthState.Healthy when autoDisabled:
                    reason = $"recovering: {successes} of {options.RecoveryThreshold} healthy rounds; disabled because {disabledReason}";
                    break;
                case ListHealthState.Unreachable when unreachable >= options.UnreachableThreshold:
                    autoDisabled = true;
                    disabledReason = $"{round.Reason} ({unreachable} rounds in a row)";
                    break;
                case ListHealthState.Unreachable when !autoDisabled:
                    reason = $"{round.Reason} ({unreachable} of {options.UnreachableThreshold} rounds before disabling)";
                    break;
                case ListHealthState.ListsEverything or ListHealthState.Dead or ListHealthState.Refusing or ListHealthState.NotListingTestPoint:
                    autoDisabled = true;
                    disabledReason = round.Reason;
                    break;
            }
        }

        var next = current with
        {
            State = round.State,
            Reason = reason,
            Evidence = round.Evidence,
            AutoDisabled = autoDisabled,
            DisabledReason = disabledReason,
            LastProbe = at,
            ConsecutiveSuccesses = successes,
            ConsecutiveFailures = healthy ? 0 : current.ConsecutiveFailures + 1,
            ConsecutiveUnreachable = unreachable,
        };
        return Stamp(current, next, at);
    }

    public static ListHealthStatus ForceEnable(ListHealthStatus current, DateTimeOffset at) =>
        Stamp(current, current with { Override = ListHealthOverride.ForceEnabled, OverrideReason = "forced on by operator" }, at);

    public static ListHealthStatus ForceDisable(ListHealthStatus current, string reason, DateTimeOffset at) =>
        Stamp(current, current with { Override = ListHealthOverride.ForceDisabled, OverrideReason = reason }, at);

    public static ListHealthStatus ClearOverride(ListHealthStatus current, DateTimeOffset at) =>
        Stamp(current, current with { Override = ListHealthOverride.None, OverrideReason = null }, at);

    /// <summary>Whether a change is worth an event and a log line: the verdict or the enabled flag moved.</summary>
    public static bool IsVisibleChange(ListHealthStatus before, ListHealthStatus after) =>
        before.State != after.State || before.IsEnabled != after.IsEnabled;

    private static ListHealthStatus Stamp(ListHealthStatus before, ListHealthStatus after, DateTimeOffset at) =>
        IsVisibleChange(before, after) ? after with { LastChange = at } : after;
}

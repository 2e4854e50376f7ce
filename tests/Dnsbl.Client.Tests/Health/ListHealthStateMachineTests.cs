using Dnsbl.Client.Health;
using Microsoft.Extensions.Time.Testing;
using static Dnsbl.Client.Tests.Health.Fakes.HealthScripts;

namespace Dnsbl.Client.Tests.Health;

public sealed class ListHealthStateMachineTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly DnsblHealthOptions _options = Options(o => { o.UnreachableThreshold = 3; o.RecoveryThreshold = 2; });

    [Fact]
    public void Initial_NotProbedYet_UnknownAndEnabled()
    {
        Assert.Equal(ListHealthState.Unknown, ListHealthStatus.Initial.State);
        Assert.True(ListHealthStatus.Initial.IsEnabled);
        Assert.Null(ListHealthStatus.Initial.GateReason);
    }

    [Theory]
    [InlineData(ListHealthState.ListsEverything)]
    [InlineData(ListHealthState.Dead)]
    [InlineData(ListHealthState.Refusing)]
    [InlineData(ListHealthState.NotListingTestPoint)]
    public void Apply_DirectFault_DisablesAtOnce(ListHealthState fault)
    {
        var status = Apply(ListHealthStatus.Initial, ListHealthState.Healthy);

        status = Apply(status, fault, "the fault");

        Assert.False(status.IsEnabled);
        Assert.Equal(fault, status.State);
        Assert.Equal("disabled: the fault", status.GateReason);
        Assert.Equal(_time.GetUtcNow(), status.LastChange);
    }

    [Fact]
    public void Apply_UnreachableBelowThreshold_StaysEnabled()
    {
        var status = Apply(Apply(ListHealthStatus.Initial, ListHealthState.Unreachable), ListHealthState.Unreachable);

        Assert.True(status.IsEnabled);
        Assert.Equal(ListHealthState.Unreachable, status.State);
        Assert.Equal(2, status.ConsecutiveFailures);
        Assert.Contains("2 of 3 rounds", status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_UnreachableAtThreshold_Disables()
    {
        var status = ListHealthStatus.Initial;
        for (var round = 0; round < 3; round++)
        {
            status = Apply(status, ListHealthState.Unreachable);
        }

        Assert.False(status.IsEnabled);
        Assert.Contains("3 rounds in a row", status.GateReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_HealthyRoundBetweenUnreachableRounds_ResetsTheCount()
    {
        var status = ListHealthStatus.Initial;
        foreach (var state in new[] { ListHealthState.Unreachable, ListHealthState.Unreachable, ListHealthState.Healthy, ListHealthState.Unreachable, ListHealthState.Unreachable })
        {
            status = Apply(status, state);
        }

        Assert.True(status.IsEnabled);
        Assert.Equal(2, status.ConsecutiveUnreachable);
    }

    [Fact]
    public void Apply_DisabledThenOneHealthyRound_StillDisabledWhileRecovering()
    {
        var status = Apply(Apply(ListHealthStatus.Initial, ListHealthState.ListsEverything, "lists everything"), ListHealthState.Healthy);

        Assert.False(status.IsEnabled);
        Assert.Equal(ListHealthState.Healthy, status.State);
        Assert.Contains("recovering: 1 of 2", status.Reason, StringComparison.Ordinal);
        Assert.Equal("disabled: lists everything", status.GateReason);
    }

    [Fact]
    public void Apply_DisabledThenRecoveryThresholdHealthyRounds_EnabledAgain()
    {
        var status = Apply(ListHealthStatus.Initial, ListHealthState.Dead);
        _time.Advance(TimeSpan.FromMinutes(1));
        status = Apply(status, ListHealthState.Healthy);
        _time.Advance(TimeSpan.FromMinutes(1));
        status = Apply(status, ListHealthState.Healthy);

        Assert.True(status.IsEnabled);
        Assert.Equal(2, status.ConsecutiveSuccesses);
        Assert.Equal(_time.GetUtcNow(), status.LastChange);
    }

    [Fact]
    public void Apply_RecoveryInterruptedByFailure_StartsCountingAgain()
    {
        var status = Apply(ListHealthStatus.Initial, ListHealthState.Refusing);
        status = Apply(status, ListHealthState.Healthy);
        status = Apply(status, ListHealthState.Unreachable);
        status = Apply(status, ListHealthState.Healthy);

        Assert.False(status.IsEnabled);
        Assert.Equal(1, status.ConsecutiveSuccesses);
    }

    [Fact]
    public void ForceEnable_DisabledList_EnabledUntilCleared()
    {
        var status = Apply(ListHealthStatus.Initial, ListHealthState.ListsEverything);

        status = ListHealthStateMachine.ForceEnable(status, _time.GetUtcNow());
        Assert.True(status.IsEnabled);
        status = Apply(status, ListHealthState.Dead);
        Assert.True(status.IsEnabled);

        status = ListHealthStateMachine.ClearOverride(status, _time.GetUtcNow());
        Assert.False(status.IsEnabled);
    }

    [Fact]
    public void ForceDisable_HealthyList_DisabledWithOperatorReason()
    {
        var status = Apply(ListHealthStatus.Initial, ListHealthState.Healthy);

        status = ListHealthStateMachine.ForceDisable(status, "contract ended", _time.GetUtcNow());
        status = Apply(status, ListHealthState.Healthy);

        Assert.False(status.IsEnabled);
        Assert.Equal("disabled by operator: contract ended", status.GateReason);
        Assert.True(ListHealthStateMachine.ClearOverride(status, _time.GetUtcNow()).IsEnabled);
    }

    [Fact]
    public void Apply_AutomaticDisablingOff_RecordsVerdictButStaysEnabled()
    {
        var status = ListHealthStateMachine.Apply(
            ListHealthStatus.Initial, new ProbeRound(ListHealthState.Dead, "dead", []), _time.GetUtcNow(), Options(o => o.Enabled = false));

        Assert.Equal(ListHealthState.Dead, status.State);
        Assert.True(status.IsEnabled);
    }

    [Fact]
    public void Apply_SameVerdictAgain_KeepsLastChange()
    {
        var status = Apply(ListHealthStatus.Initial, ListHealthState.Healthy);
        var changedAt = status.LastChange;
        _time.Advance(TimeSpan.FromMinutes(5));

        status = Apply(status, ListHealthState.Healthy);

        Assert.Equal(changedAt, status.LastChange);
        Assert.Equal(_time.GetUtcNow(), status.LastProbe);
    }

    private ListHealthStatus Apply(ListHealthStatus status, ListHealthState state, string reason = "reason") =>
        ListHealthStateMachine.Apply(status, new ProbeRound(state, reason, []), _time.GetUtcNow(), _options);
}

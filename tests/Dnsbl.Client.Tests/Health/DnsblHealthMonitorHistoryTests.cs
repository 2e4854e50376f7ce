using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Dnsbl.Client.Tests.Health.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Dnsbl.Client.Tests.Health.Fakes.HealthScripts;

namespace Dnsbl.Client.Tests.Health;

public sealed class DnsblHealthMonitorHistoryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task GetReport_WithoutHistory_LeavesHistoryOut()
    {
        await using var monitor = Monitor(new ScriptedResolver().HealthyIpList(), _time);
        await monitor.ProbeAllAsync();

        Assert.Null(Assert.Single(monitor.GetReport().Lists).History);
        Assert.DoesNotContain("\"rounds\"", monitor.GetReport().ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReport_HealthyThenListsEverythingThenHealthy_ChangesInOrderWithReasons()
    {
        var resolver = new ScriptedResolver().HealthyIpList();
        await using var monitor = Monitor(resolver, _time, Options(o => o.RecoveryThreshold = 1));

        await monitor.ProbeAsync(IpZone);
        _time.Advance(TimeSpan.FromMinutes(1));
        resolver.Answer(UnlistedIpv4, DnsRecordType.A, "127.0.0.2");
        await monitor.ProbeAsync(IpZone);
        _time.Advance(TimeSpan.FromMinutes(1));
        resolver.Status(UnlistedIpv4, DnsRecordType.A, Dnsbl.Client.Dns.DnsLookupStatus.NameError);
        await monitor.ProbeAsync(IpZone);

        var history = Assert.Single(monitor.GetReport(includeHistory: true).Lists).History!;
        Assert.Equal(
            [(ListHealthState.Healthy, true), (ListHealthState.ListsEverything, false), (ListHealthState.Healthy, true)],
            history.Changes.Select(c => (c.State, c.Enabled)));
        Assert.All(history.Changes, c => Assert.Equal("probe", c.Source));
        Assert.StartsWith("disabled: lists everything", history.Changes[1].Reason, StringComparison.Ordinal);
        Assert.Equal([0, 1, 2], history.Changes.Select(c => (int)(c.At - history.Changes[0].At).TotalMinutes));
        Assert.Equal(3, history.Rounds.Count);
        Assert.All(history.Rounds, r => Assert.True(r.Questions > 0 && r.LatencyMilliseconds is not null));
    }

    [Fact]
    public async Task GetReport_ManyMoreRoundsAndChangesThanKept_NeverGrowsPastItsSize()
    {
        var resolver = new ScriptedResolver().HealthyIpList();
        await using var monitor = Monitor(resolver, _time);

        for (var i = 0; i < 3 * HealthHistoryConstants.Rounds; i++)
        {
            monitor.ForceDisable(IpZone, $"maintenance {i}");
            monitor.ClearOverride(IpZone);
            await monitor.ProbeAsync(IpZone);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var history = Assert.Single(monitor.GetReport(includeHistory: true).Lists).History!;
        Assert.Equal(HealthHistoryConstants.Rounds, history.Rounds.Count);
        Assert.Equal(HealthHistoryConstants.Changes, history.Changes.Count);
        Assert.Equal("override cleared", history.Changes[^1].Reason);
        Assert.True(history.Rounds.Zip(history.Rounds.Skip(1)).All(p => p.First.At < p.Second.At), "rounds are not oldest first");
    }

    [Fact]
    public async Task GetReport_ReasonLongerThanTheLimit_CutInTheHistory()
    {
        await using var monitor = Monitor(new ScriptedResolver(), _time);

        monitor.ForceDisable(IpZone, new string('x', 1000));

        var change = Assert.Single(Assert.Single(monitor.GetReport(includeHistory: true).Lists).History!.Changes);
        Assert.Equal(HealthHistoryConstants.MaxReasonLength, change.Reason.Length);
    }

    [Fact]
    public async Task Summary_OneOfTwoListsDisabled_CountsAndSaysWhatIsMissing()
    {
        var resolver = new ScriptedResolver().HealthyIpList().HealthyDomainList();
        await using var monitor = Monitor(resolver, _time, null, new DnsList(IpZone), new DnsList(DomainZone, DnsListKind.DomainBlockList));
        await monitor.ProbeAllAsync();
        monitor.ForceDisable(DomainZone, "maintenance");

        var summary = monitor.GetReport().Summary;

        Assert.Equal((1, 1, 0, 1, 2), (summary.Healthy, summary.Disabled, summary.CircuitOpen, summary.Missing, summary.Total));
        Assert.Equal("1 lists healthy, 1 disabled — accepting with 1 lists missing", summary.Text);
        Assert.Contains("\"summary\":{\"healthy\":1", monitor.GetReport().ToJson(), StringComparison.Ordinal);
    }
}

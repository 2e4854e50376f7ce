using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Dnsbl.Client.Tests.Health.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Dnsbl.Client.Tests.Health.Fakes.HealthScripts;

namespace Dnsbl.Client.Tests.Health;

public sealed class DnsblHealthMonitorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task GetReport_BeforeAnyProbe_UnknownAndEnabled()
    {
        await using var monitor = Monitor(new ScriptedResolver(), _time);

        var list = Assert.Single(monitor.GetReport().Lists);

        Assert.Equal(ListHealthState.Unknown, list.State);
        Assert.True(list.Enabled);
        Assert.True(((IListHealthGate)monitor).IsEnabled(new DnsList(IpZone), out _));
    }

    [Fact]
    public async Task ProbeAsync_ListsEverything_GateSkipsWithReasonAndEventRaised()
    {
        var resolver = new ScriptedResolver().HealthyIpList().Answer(UnlistedIpv4, DnsRecordType.A, "127.0.0.2");
        await using var monitor = Monitor(resolver, _time);
        var changes = new List<ListStateChangedEventArgs>();
        monitor.StateChanged += (_, e) => changes.Add(e);

        var health = await monitor.ProbeAsync(IpZone);

        Assert.Equal(ListHealthState.ListsEverything, health.State);
        Assert.False(((IListHealthGate)monitor).IsEnabled(new DnsList(IpZone), out var reason));
        Assert.StartsWith("disabled: lists everything", reason, StringComparison.Ordinal);
        var change = Assert.Single(changes);
        Assert.Equal(ListHealthState.Unknown, change.Previous.State);
        Assert.False(change.Current.Enabled);
    }

    [Fact]
    public async Task IsEnabled_ListNotMonitored_Enabled()
    {
        await using var monitor = Monitor(new ScriptedResolver(), _time);

        Assert.True(((IListHealthGate)monitor).IsEnabled(new DnsList("other.example.test"), out var reason));
        Assert.Null(reason);
    }

    [Fact]
    public async Task ProbeAsync_WhileRoundInFlight_SharesTheRound()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resolver = new ScriptedResolver().HealthyIpList();
        resolver.Gate = hold;
        await using var monitor = Monitor(resolver, _time);

        var first = monitor.ProbeAsync(IpZone);
        var second = monitor.ProbeAsync(IpZone);
        hold.SetResult();
        await Task.WhenAll(first, second).WaitAsync(Patience);

        Assert.Equal(3, resolver.AskedCount); // one round: the zone's NS and two test points
    }

    [Fact]
    public async Task ProbeAsync_UnknownList_ThrowsNamingIt()
    {
        await using var monitor = Monitor(new ScriptedResolver(), _time);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => monitor.ProbeAsync("nope.example.test"));

        Assert.Contains("nope.example.test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportRefusal_HealthyList_ProbesItNow()
    {
        var resolver = new ScriptedResolver().HealthyIpList().Answer(ListedIpv4, DnsRecordType.A, "127.255.255.254");
        await using var monitor = Monitor(resolver, _time);
        var round = new TaskCompletionSource<ListHealth>(TaskCreationOptions.RunContinuationsAsynchronously);
        monitor.RoundCompleted += h => round.TrySetResult(h);

        ((IListHealthGate)monitor).ReportRefusal(new DnsList(IpZone));
        var health = await round.Task.WaitAsync(Patience);

        Assert.Equal(3, resolver.AskedCount);
        Assert.Equal(health.State, monitor.GetReport().Lists[0].State);
    }

    [Fact]
    public async Task ForceDisable_ThenClearOverride_GateFollowsAndEventsRaised()
    {
        var resolver = new ScriptedResolver().HealthyIpList();
        await using var monitor = Monitor(resolver, _time);
        await monitor.ProbeAsync(IpZone);
        var changes = new List<ListStateChangedEventArgs>();
        monitor.StateChanged += (_, e) => changes.Add(e);
        var gate = (IListHealthGate)monitor;

        monitor.ForceDisable(IpZone, "maintenance");
        Assert.False(gate.IsEnabled(new DnsList(IpZone), out var reason));
        Assert.Equal("disabled by operator: maintenance", reason);
        Assert.Equal(ListHealthOverride.ForceDisabled, monitor.GetReport().Lists[0].Override);

        monitor.ClearOverride(IpZone);
        Assert.True(gate.IsEnabled(new DnsList(IpZone), out _));
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public async Task ForceEnable_DeadList_QueriedAnyway()
    {
        var resolver = new ScriptedResolver().Status(IpZone, DnsRecordType.NS, DnsLookupStatus.NameError);
        await using var monitor = Monitor(resolver, _time);
        await monitor.ProbeAsync(IpZone);

        monitor.ForceEnable(IpZone);

        var health = monitor.GetReport().Lists[0];
        Assert.Equal(ListHealthState.Dead, health.State);
        Assert.True(health.Enabled);
    }

    [Fact]
    public async Task UpdateLists_KeepsStateOfListsThatStayAndAddsNewOnes()
    {
        var resolver = new ScriptedResolver().Status(IpZone, DnsRecordType.NS, DnsLookupStatus.NameError);
        await using var monitor = Monitor(resolver, _time);
        await monitor.ProbeAsync(IpZone);

        monitor.UpdateLists([new DnsList(IpZone), new DnsList(DomainZone, DnsListKind.DomainBlockList)]);

        var report = monitor.GetReport();
        Assert.Equal([IpZone, DomainZone], report.Lists.Select(l => l.Name));
        Assert.Equal(ListHealthState.Dead, report.Lists[0].State);
        Assert.Equal(ListHealthState.Unknown, report.Lists[1].State);
    }

    [Fact]
    public async Task UpdateLists_DuplicateNames_ThrowsNamingTheList()
    {
        await using var monitor = Monitor(new ScriptedResolver(), _time);

        var error = Assert.Throws<ArgumentException>(() => monitor.UpdateLists([new DnsList(IpZone), new DnsList(IpZone)]));

        Assert.Contains(IpZone, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAllAsync_RecordsLatencyAndErrorRate()
    {
        var resolver = new ScriptedResolver().HealthyIpList().Status(UnlistedIpv4, DnsRecordType.A, DnsLookupStatus.Timeout);
        await using var monitor = Monitor(resolver, _time);

        var report = await monitor.ProbeAllAsync();

        var list = report.Lists[0];
        Assert.Equal(ListHealthState.Healthy, list.State);
        Assert.Equal(2.0 / 4, list.ErrorRate); // NS ok, 127.0.0.2 ok, 127.0.0.1 timed out twice
        Assert.NotNull(list.MeanLatencyMilliseconds);
    }

    [Fact]
    public void Constructor_IpListWithNonAddressProbePoint_ThrowsNamingListAndKey()
    {
        var list = new DnsList(IpZone) { ProbePoints = [new ProbePoint("not-an-ip", true)] };

        var error = Assert.Throws<ArgumentException>(() => Monitor(new ScriptedResolver(), _time, null, list));

        Assert.Contains("not-an-ip", error.Message, StringComparison.Ordinal);
        Assert.Contains(IpZone, error.Message, StringComparison.Ordinal);
    }
}

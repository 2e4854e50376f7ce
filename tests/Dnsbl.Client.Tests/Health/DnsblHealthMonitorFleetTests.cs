using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Dnsbl.Client.Tests.Health.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Dnsbl.Client.Tests.Health.Fakes.HealthScripts;

namespace Dnsbl.Client.Tests.Health;

/// <summary>
/// Shared health on the monitor's side, over an in-memory fleet with the lease rules on fake time. Each test drives the
/// syncs and probes itself (the loops that call them run against real Redis in SharedHealthFailoverTests).
/// </summary>
public sealed class DnsblHealthMonitorFleetTests : IAsyncDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider _time = new();
    private readonly List<DnsblHealthMonitor> _nodes = [];
    private readonly FakeFleet _fleet;

    public DnsblHealthMonitorFleetTests() => _fleet = new FakeFleet(_time, Lease);

    [Fact]
    public async Task SyncWithFleetAsync_TwoNodes_FollowerGatesOnTheLeadersStateWithoutProbing()
    {
        var followerDns = new ScriptedResolver().HealthyIpList();
        var leader = await JoinAsync("a", DeadList());
        await leader.ProbeAsync(IpZone);
        var follower = await JoinAsync("b", followerDns);

        Assert.Equal((SharedHealthRole.Leader, SharedHealthRole.Follower), (leader.Role, follower.Role));
        Assert.True(follower.IsLeftToLeader(IpZone));
        Assert.False(leader.IsLeftToLeader(IpZone));
        Assert.Equal(0, followerDns.AskedCount);
        var report = follower.GetReport();
        Assert.Equal((ListHealthState.NotListingTestPoint, false), (report.Lists[0].State, report.Lists[0].Enabled));
        Assert.Equal(("b", SharedHealthRole.Follower, "a"), (report.Fleet!.Node, report.Fleet.Role, report.Fleet.Leader));
        Assert.False(((IListHealthGate)follower).IsEnabled(new DnsList(IpZone), out var reason));
        Assert.Contains("disabled", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncWithFleetAsync_LeaderStopsSyncing_FollowerTakesOverWithinTwoLeasePeriodsAndStaysDisabled()
    {
        var leader = await JoinAsync("a", DeadList());
        await leader.ProbeAsync(IpZone);
        var followerDns = DeadList();
        var follower = await JoinAsync("b", followerDns);
        var enabledAgain = 0;
        follower.StateChanged += (_, e) => enabledAgain += e.Current.Enabled ? 1 : 0;

        // The leader dies: only the follower syncs now, every sync interval, as its loop would.
        var step = Lease / 3;
        var waited = TimeSpan.Zero;
        while (follower.Role != SharedHealthRole.Leader && waited < 3 * Lease)
        {
            _time.Advance(step);
            waited += step;
            await follower.SyncWithFleetAsync(participate: true, CancellationToken.None);
            Assert.False(follower.GetReport().Lists[0].Enabled);
        }

        var afterTakeover = await follower.ProbeAsync(IpZone);
        Assert.InRange(waited, Lease, 2 * Lease);
        Assert.Equal("b", _fleet.Holder);
        Assert.False(follower.IsLeftToLeader(IpZone));
        Assert.Equal(0, enabledAgain);
        Assert.Equal((ListHealthState.NotListingTestPoint, false, 2), (afterTakeover.State, afterTakeover.Enabled, afterTakeover.ConsecutiveFailures));
    }

    [Fact]
    public async Task ForceDisable_OnAFollower_HonouredByTheLeaderAndClearedFleetWide()
    {
        var leader = await JoinAsync("a", new ScriptedResolver().HealthyIpList());
        await leader.ProbeAsync(IpZone);
        var follower = await JoinAsync("b", new ScriptedResolver().HealthyIpList());

        follower.ForceDisable(IpZone, "quota reached");
        await leader.SyncWithFleetAsync(participate: true, CancellationToken.None);
        var disabled = leader.GetReport().Lists[0];
        follower.ClearOverride(IpZone);
        await leader.SyncWithFleetAsync(participate: true, CancellationToken.None);
        var cleared = leader.GetReport().Lists[0];

        Assert.Equal((ListHealthOverride.ForceDisabled, false), (disabled.Override, disabled.Enabled));
        Assert.Contains("quota reached", disabled.DisabledReason, StringComparison.Ordinal);
        Assert.Equal((ListHealthOverride.None, true), (cleared.Override, cleared.Enabled));
    }

    [Fact]
    public async Task ForceDisable_StoreUnreachable_KeptLocallyAndPublishedOnRejoin()
    {
        var leader = await JoinAsync("a", new ScriptedResolver().HealthyIpList());
        await leader.ProbeAsync(IpZone);
        var follower = await JoinAsync("b", new ScriptedResolver().HealthyIpList());
        _fleet.Reachable = false;

        follower.ForceDisable(IpZone, "maintenance");
        await follower.SyncWithFleetAsync(participate: true, CancellationToken.None);
        Assert.False(follower.GetReport().Lists[0].Enabled);
        _fleet.Reachable = true;
        await follower.SyncWithFleetAsync(participate: true, CancellationToken.None);
        await leader.SyncWithFleetAsync(participate: true, CancellationToken.None);

        Assert.False(follower.GetReport().Lists[0].Enabled);
        Assert.Equal(ListHealthOverride.ForceDisabled, leader.GetReport().Lists[0].Override);
    }

    [Fact]
    public async Task SyncWithFleetAsync_StoreUnreachable_FollowerProbesForItselfThenRejoins()
    {
        var leader = await JoinAsync("a", DeadList());
        await leader.ProbeAsync(IpZone);
        var follower = await JoinAsync("b", DeadList());
        Assert.True(follower.IsLeftToLeader(IpZone));

        _fleet.Reachable = false;
        await follower.SyncWithFleetAsync(participate: true, CancellationToken.None);
        var alone = (follower.Role, follower.IsLeftToLeader(IpZone));
        _fleet.Reachable = true;
        await follower.SyncWithFleetAsync(participate: true, CancellationToken.None);

        Assert.Equal((SharedHealthRole.Alone, false), alone);
        Assert.Equal(SharedHealthRole.Follower, follower.Role);
        Assert.True(follower.IsLeftToLeader(IpZone));
        Assert.False(follower.GetReport().Lists[0].Enabled);
    }

    [Fact]
    public async Task RefreshAsync_FreshPublishedState_ReadWithoutProbingOrTakingTheLease()
    {
        var leader = await JoinAsync("a", DeadList());
        await leader.ProbeAsync(IpZone);
        var observerDns = new ScriptedResolver().HealthyIpList();
        await using var observer = new DnsblHealthMonitor([new DnsList(IpZone)], observerDns, Options(), _time, NullLogger.Instance, new Random(7), _fleet.Join("cli"));

        var report = await observer.RefreshAsync();

        Assert.Equal(0, observerDns.AskedCount);
        Assert.Equal((SharedHealthRole.Follower, "a"), (report.Fleet!.Role, report.Fleet.Leader));
        Assert.False(report.Lists[0].Enabled);
        Assert.Equal("a", _fleet.Holder);
    }

    [Fact]
    public async Task RefreshAsync_NoLeader_ProbesEveryListWithoutTakingTheLease()
    {
        var dns = new ScriptedResolver().HealthyIpList();
        await using var observer = new DnsblHealthMonitor([new DnsList(IpZone)], dns, Options(), _time, NullLogger.Instance, new Random(7), _fleet.Join("cli"));

        var report = await observer.RefreshAsync();

        Assert.True(dns.AskedCount > 0);
        Assert.Equal(SharedHealthRole.Alone, report.Fleet!.Role);
        Assert.Null(_fleet.Holder);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    private static ScriptedResolver DeadList() =>
        new ScriptedResolver().HealthyIpList().Status(ListedIpv4, DnsRecordType.A, DnsLookupStatus.NameError);

    /// <summary>A node that has synced once (as its loop does before the first probe).</summary>
    private async Task<DnsblHealthMonitor> JoinAsync(string nodeId, IDnsResolver resolver)
    {
        var monitor = new DnsblHealthMonitor([new DnsList(IpZone)], resolver, Options(o => o.Jitter = 0), _time, NullLogger.Instance, new Random(7), _fleet.Join(nodeId));
        _nodes.Add(monitor);
        await monitor.SyncWithFleetAsync(participate: true, CancellationToken.None);
        return monitor;
    }
}

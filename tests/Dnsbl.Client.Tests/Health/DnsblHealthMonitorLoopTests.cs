using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Health;
using Dnsbl.Client.Tests.Dns.Fakes;
using Dnsbl.Client.Tests.Health.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Dnsbl.Client.Tests.Health.Fakes.HealthScripts;

namespace Dnsbl.Client.Tests.Health;

public sealed class DnsblHealthMonitorLoopTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();
    private readonly SemaphoreSlim _rounds = new(0);

    [Fact]
    public async Task RunAsync_ProbesAtStartThenEveryHealthyInterval()
    {
        var resolver = new ScriptedResolver().HealthyIpList();
        await using var monitor = Start(resolver, out var run, out var stop);

        Assert.True(await _rounds.WaitAsync(Patience));
        Assert.Equal(3, resolver.AskedCount);

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await _rounds.WaitAsync(Patience));
        Assert.Equal(6, resolver.AskedCount);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Patience));
    }

    [Fact]
    public async Task RunAsync_DisabledList_ProbedOnDisabledIntervalAndRecovers()
    {
        var resolver = new ScriptedResolver().HealthyIpList().Status(ListedIpv4, DnsRecordType.A, DnsLookupStatus.NameError);
        await using var monitor = Start(resolver, out _, out var stop);
        Assert.True(await _rounds.WaitAsync(Patience));
        Assert.False(monitor.GetReport().Lists[0].Enabled);

        resolver.HealthyIpList(); // the operator fixed the test point
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await _rounds.WaitAsync(Patience));
        Assert.False(monitor.GetReport().Lists[0].Enabled); // 1 of 2 healthy rounds
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await _rounds.WaitAsync(Patience));

        Assert.True(monitor.GetReport().Lists[0].Enabled);
        await stop.CancelAsync();
    }

    [Fact]
    public async Task RunAsync_UnreachableThreeRounds_DisabledOnlyOnTheThird()
    {
        var resolver = new ScriptedResolver()
            .Status(IpZone, DnsRecordType.NS, DnsLookupStatus.Timeout)
            .Status(ListedIpv4, DnsRecordType.A, DnsLookupStatus.Timeout)
            .Status(UnlistedIpv4, DnsRecordType.A, DnsLookupStatus.Timeout);
        await using var monitor = Start(resolver, out _, out var stop);

        var enabledAfterRound = new List<bool>();
        for (var round = 0; round < 3; round++)
        {
            Assert.True(await _rounds.WaitAsync(Patience));
            enabledAfterRound.Add(monitor.GetReport().Lists[0].Enabled);
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal([true, true, false], enabledAfterRound);
        await stop.CancelAsync();
    }

    [Fact]
    public async Task RunAsync_AutomaticProbingOff_ReturnsAtOnceWithoutAsking()
    {
        var resolver = new ScriptedResolver();
        await using var monitor = Monitor(resolver, _time, Options(o => o.Enabled = false));

        await monitor.RunAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(0, resolver.AskedCount);
    }

    [Fact]
    public async Task DisposeAsync_WhileRunning_LoopEnds()
    {
        var resolver = new ScriptedResolver().HealthyIpList();
        var monitor = Start(resolver, out var run, out _);
        Assert.True(await _rounds.WaitAsync(Patience));

        await monitor.DisposeAsync();

        await run.WaitAsync(Patience);
        Assert.True(run.IsCompletedSuccessfully);
    }

    public void Dispose() => _rounds.Dispose();

    private DnsblHealthMonitor Start(ScriptedResolver resolver, out Task run, out CancellationTokenSource stop)
    {
        var monitor = Monitor(resolver, _time, Options(o => o.Jitter = 0));
        monitor.RoundCompleted += _ => _rounds.Release();
        stop = new CancellationTokenSource();
        run = monitor.RunAsync(stop.Token);
        return monitor;
    }
}

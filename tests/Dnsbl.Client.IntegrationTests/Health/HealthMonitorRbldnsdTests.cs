using System.Net;
using Dnsbl.Client.Health;
using Dnsbl.Client.IntegrationTests.Infrastructure;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.IntegrationTests.Health;

/// <summary>Issue 3 through the public API: every health state classified from real rbldnsd answers.</summary>
public sealed class HealthMonitorRbldnsdTests
{
    [Fact]
    public async Task ProbeAllAsync_RealAnswers_ClassifyEveryState()
    {
        await using var rbldnsd = await HealthZones.StartAsync();
        await using var client = new DnsblClient(OptionsFor(rbldnsd, HealthZones.ListZones));

        var report = await client.Health.ProbeAllAsync();

        var states = report.Lists.ToDictionary(l => l.Zone, l => l.State);
        Assert.Equal(ListHealthState.Healthy, states[HealthZones.Healthy]);
        Assert.Equal(ListHealthState.Healthy, states[HealthZones.HealthyWithoutNs]);
        Assert.Equal(ListHealthState.ListsEverything, states[HealthZones.ListsEverything]);
        Assert.Equal(ListHealthState.NotListingTestPoint, states[HealthZones.Empty]);
        Assert.Equal(ListHealthState.Refusing, states[HealthZones.Refusing]);
        Assert.Equal(ListHealthState.Dead, states[HealthZones.RetiredNameservers]);
        Assert.Equal(ListHealthState.Dead, states[HealthZones.Vanished]);
        Assert.Equal(ListHealthState.Refusing, states[HealthZones.Unserved]);
        Assert.All(report.Lists, l => Assert.Equal(l.State == ListHealthState.Healthy, l.Enabled));
        var retired = report.Lists.Single(l => l.Zone == HealthZones.RetiredNameservers);
        Assert.Contains("192.0.2.53", retired.Reason, StringComparison.Ordinal);
        Assert.Contains("127.255.255.254", report.Lists.Single(l => l.Zone == HealthZones.Refusing).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAllAsync_LoopbackNameserversCountAsRetiredByDefault_ZoneWithLoopbackNsIsDead()
    {
        await using var rbldnsd = await HealthZones.StartAsync();
        var options = OptionsFor(rbldnsd, [HealthZones.Healthy]);
        options.Health.LoopbackNameserversAreRetired = true;
        await using var client = new DnsblClient(options);

        var report = await client.Health.ProbeAllAsync();

        Assert.Equal(ListHealthState.Dead, Assert.Single(report.Lists).State);
    }

    [Fact]
    public async Task ProbeAsync_ZoneRecoversAfterRestart_EnabledAgainAfterRecoveryThreshold()
    {
        await using var rbldnsd = await RbldnsdServer.StartAsync([new(HealthZones.Healthy, "ip4set", "flip.ip4set", HealthZones.EverythingData)], CancellationToken.None);
        var options = OptionsFor(rbldnsd, [HealthZones.Healthy]);
        options.Health.RecoveryThreshold = 2;
        options.Health.CheckNameservers = false;
        await using var client = new DnsblClient(options);

        var broken = await client.Health.ProbeAsync(HealthZones.Healthy);
        var skipped = await client.CheckAsync(IPAddress.Parse("10.1.1.1"));
        await rbldnsd.RestartAsync([new(HealthZones.Healthy, "ip4set", "flip.ip4set", HealthZones.HealthyData)], CancellationToken.None);
        var firstHealthy = await client.Health.ProbeAsync(HealthZones.Healthy);
        var secondHealthy = await client.Health.ProbeAsync(HealthZones.Healthy);
        var checkedAgain = await client.CheckAsync(IPAddress.Parse("127.0.0.2"));

        Assert.Equal((ListHealthState.ListsEverything, false), (broken.State, broken.Enabled));
        Assert.Equal(ListOutcomeKind.Skipped, Assert.Single(skipped.Lists).Kind);
        Assert.Equal((ListHealthState.Healthy, false), (firstHealthy.State, firstHealthy.Enabled));
        Assert.Equal((ListHealthState.Healthy, true), (secondHealthy.State, secondHealthy.Enabled));
        Assert.Equal(ListOutcomeKind.Listed, Assert.Single(checkedAgain.Lists).Kind);
    }

    private static DnsblOptions OptionsFor(RbldnsdServer rbldnsd, IEnumerable<string> zones)
    {
        var options = new DnsblOptions
        {
            Lists = [.. zones.Select(z => new DnsList(z))],
            Nameservers = [rbldnsd.EndPoint.ToString()],
            // Every zone here answers, so a generous attempt costs nothing and a late reply is not read as unreachable.
            AttemptTimeout = TimeSpan.FromSeconds(2),
        };

        // The zones are served on loopback, like the CLI's one-off probe judges them.
        options.Health.LoopbackNameserversAreRetired = false;
        return options;
    }
}

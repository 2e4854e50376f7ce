using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Dnsbl.Client.Tests.Health.Fakes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using static Dnsbl.Client.Tests.Health.Fakes.HealthScripts;

namespace Dnsbl.Client.Tests.Health;

public sealed class DnsblHealthCheckTests
{
    private static readonly DnsList[] TwoLists = [new(IpZone), new(DomainZone, DnsListKind.DomainBlockList)];

    [Fact]
    public async Task CheckHealthAsync_EveryListHealthy_Healthy()
    {
        var resolver = new ScriptedResolver().HealthyIpList().HealthyDomainList();
        await using var monitor = Monitor(resolver, new FakeTimeProvider(), null, TwoLists);
        await monitor.ProbeAllAsync();

        var result = await new DnsblHealthCheck(monitor).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal([IpZone, DomainZone], result.Data.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("healthy", (string)result.Data[IpZone], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealthAsync_SomeListsDisabled_DegradedWithReason()
    {
        var resolver = new ScriptedResolver().HealthyIpList().Status(DomainZone, DnsRecordType.NS, DnsLookupStatus.NameError);
        await using var monitor = Monitor(resolver, new FakeTimeProvider(), null, TwoLists);
        await monitor.ProbeAllAsync();

        var result = await new DnsblHealthCheck(monitor).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("zone no longer exists", (string)result.Data[DomainZone], StringComparison.Ordinal);
        Assert.StartsWith("dead (disabled)", (string)result.Data[DomainZone], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealthAsync_EveryListDisabled_Unhealthy()
    {
        await using var monitor = Monitor(new ScriptedResolver(), new FakeTimeProvider(), null, TwoLists);
        monitor.ForceDisable(IpZone, "off");
        monitor.ForceDisable(DomainZone, "off");

        var result = await new DnsblHealthCheck(monitor).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }
}

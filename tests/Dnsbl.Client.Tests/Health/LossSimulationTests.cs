using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Dnsbl.Client.Tests.Health.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Dnsbl.Client.Tests.Health.Fakes.HealthScripts;

namespace Dnsbl.Client.Tests.Health;

/// <summary>
/// Packet loss must never disable a healthy list. The design guarantees it: loss only ever produces timeouts, and a
/// timeout is never evidence of a fault (only answers are); each question is asked <see cref="DnsblHealthOptions.ProbeAttempts"/>
/// times, so it fails only if every attempt is lost (0.05² = 0.25%); a round is unreachable only if every question
/// failed (about 0.25%² for an IPv4 list); and disabling needs <see cref="DnsblHealthOptions.UnreachableThreshold"/> such
/// rounds in a row (about 1e-15).
/// </summary>
public sealed class LossSimulationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ProbeAsync_FivePercentLossOver200Rounds_NeverDisablesAHealthyList(int seed)
    {
        var resolver = new ScriptedResolver()
            .HealthyIpList()
            .Answer(IpZone, DnsRecordType.NS, "ns1.example.test")
            .Answer("ns1.example.test", DnsRecordType.A, "127.0.0.53")
            .HealthyDomainList()
            .WithLoss(0.05, seed);
        var time = new FakeTimeProvider();
        await using var monitor = Monitor(resolver, time, null, new DnsList(IpZone), new DnsList(DomainZone, DnsListKind.DomainBlockList));
        var changes = 0;
        monitor.StateChanged += (_, e) => changes += e.Current.Enabled ? 0 : 1;

        for (var round = 0; round < 200; round++)
        {
            var report = await monitor.ProbeAllAsync();
            Assert.All(report.Lists, l => Assert.True(l.Enabled, $"round {round}: {l.Name} {l.State}: {l.Reason}"));
            time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(0, changes);
        Assert.All(monitor.GetReport().Lists, l => Assert.InRange(l.ErrorRate!.Value, 0, 0.5));
    }
}

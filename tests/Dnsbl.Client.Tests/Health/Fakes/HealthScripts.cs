using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Health;
using Dnsbl.Client.Lists;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Health.Fakes;

/// <summary>Ready-made scripts: a healthy IPv4 list, a healthy domain list, and a monitor over a fake resolver.</summary>
internal static class HealthScripts
{
    public const string IpZone = "bl.example.test";
    public const string DomainZone = "dbl.example.test";
    public const string ListedIpv4 = "2.0.0.127." + IpZone;
    public const string UnlistedIpv4 = "1.0.0.127." + IpZone;

    public static ScriptedResolver HealthyIpList(this ScriptedResolver resolver, string zone = IpZone) => resolver
        .Status(zone, DnsRecordType.NS, DnsLookupStatus.NoData)
        .Answer("2.0.0.127." + zone, DnsRecordType.A, "127.0.0.2");

    public static ScriptedResolver HealthyDomainList(this ScriptedResolver resolver, string zone = DomainZone) => resolver
        .Status(zone, DnsRecordType.NS, DnsLookupStatus.NoData)
        .Answer("test." + zone, DnsRecordType.A, "127.0.1.2");

    public static DnsblHealthOptions Options(Action<DnsblHealthOptions>? configure = null)
    {
        var options = new DnsblHealthOptions { LoopbackNameserversAreRetired = false };
        configure?.Invoke(options);
        return options;
    }

    public static DnsblHealthMonitor Monitor(
        IDnsResolver resolver, TimeProvider time, DnsblHealthOptions? options = null, params DnsList[] lists) =>
        new(lists.Length == 0 ? [new DnsList(IpZone)] : lists, resolver, options ?? Options(), time, NullLogger.Instance, new Random(7));

    public static ListProber Prober(IDnsResolver resolver, DnsblHealthOptions? options = null) =>
        new(resolver, options ?? Options(), new FakeTimeProvider(), new Random(7));
}

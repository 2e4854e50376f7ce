using Dnsbl.Client.Dns.Protocol;
using System.Net;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Resilience;
using Dnsbl.Client.Tests.Dns.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Dnsbl.Client.Tests.Resilience;

/// <summary>Two loopback nameservers that are never contacted, a question, and the production failover over a scripted transport.</summary>
internal static class ScriptedFailover
{
    public static readonly IPEndPoint First = new(IPAddress.Loopback, 5301);
    public static readonly IPEndPoint Second = new(IPAddress.Loopback, 5302);
    public static readonly DnsQuestion Question = new("2.0.0.127.bl.test", DnsRecordType.A);

    public static FailoverResolver Create(ScriptedDnsTransport transport, int attempts, params IPEndPoint[] servers) =>
        new(new DnsStubResolver(new DnsStubResolverOptions(servers, TimeSpan.FromSeconds(1), attempts), transport), new FakeTimeProvider());
}

using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Dnsbl.Client.Resilience;

namespace Dnsbl.Client.Tests.Dns.Fakes;

/// <summary>
/// Tests of the stub resolver resolve through the one failover loop production uses (FailoverResolver), so attempts,
/// failover and their logs are tested where they live.
/// </summary>
internal static class StubResolverFailover
{
    public static ValueTask<DnsLookupResult> ResolveAsync(this DnsStubResolver stub, DnsQuestion question, CancellationToken cancellationToken) =>
        new FailoverResolver(stub, TimeProvider.System).ResolveAsync(question, cancellationToken);
}

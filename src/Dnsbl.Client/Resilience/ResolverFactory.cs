using Dnsbl.Client.Dns;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Resilience;

/// <summary>Builds the production resolver of a client: the stub resolver behind the failover pipeline.</summary>
internal static class ResolverFactory
{
    /// <summary>The stub resolver for <paramref name="nameservers"/> (resolv.conf's when empty) wrapped in failover.</summary>
    public static IDnsResolver Create(IReadOnlyList<string> nameservers, TimeSpan? attemptTimeout, int? attempts, bool useCaseRandomization, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var stub = DnsStubResolver.Create([.. nameservers], attemptTimeout, attempts, time, loggerFactory.CreateLogger<DnsStubResolver>(),
            useCaseRandomization: useCaseRandomization);
        return new FailoverResolver(stub, time);
    }
}

using Dnsbl.Client.Dns;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Resilience;

/// <summary>Builds the production resolver of a client: the stub resolver behind the failover pipeline.</summary>
internal static class ResolverFactory
{
    public static IDnsResolver Create(DnsblOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var stub = DnsStubResolver.Create([.. options.Nameservers], options.AttemptTimeout, options.Attempts, time, loggerFactory.CreateLogger<DnsStubResolver>(),
            useCaseRandomization: options.UseCaseRandomization);
        return new FailoverResolver(stub, time);
    }
}

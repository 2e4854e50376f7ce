using Dnsbl.Client.Dns.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dnsbl.Client.Dns;

internal sealed partial class DnsStubResolver
{
    /// <summary>
    /// Builds the production resolver. With no <paramref name="nameservers"/>, those of /etc/resolv.conf are used
    /// (127.0.0.1 when it has none or is missing); the timeout and attempts given here apply either way.
    /// </summary>
    /// <exception cref="FormatException">A nameserver is not an address with an optional port (host names are refused).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive timeout or fewer than one attempt.</exception>
    public static DnsStubResolver Create(
        IReadOnlyList<string> nameservers,
        TimeSpan attemptTimeout,
        int attempts,
        TimeProvider time,
        ILogger? logger,
        string resolvConfPath = DnsStubResolverConstants.DefaultResolvConfPath,
        bool useCaseRandomization = false)
    {
        ArgumentNullException.ThrowIfNull(nameservers);
        ArgumentNullException.ThrowIfNull(time);
        logger ??= NullLogger.Instance;
        var servers = nameservers.Select(NameserverEndPoint.Parse).ToList();
        if (servers.Count == 0)
        {
            var system = ResolvConf.Load(resolvConfPath);
            servers.AddRange(system.Nameservers);
            Log.UsingSystemNameservers(logger, servers, resolvConfPath, system.UsedFallback);
        }

        var options = new DnsStubResolverOptions(servers, attemptTimeout, attempts) { UseCaseRandomization = useCaseRandomization };
        return new DnsStubResolver(options, new DnsTransport(time), logger);
    }
}

using Dnsbl.Client.Dns.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Dns;

internal sealed partial class DnsStubResolver
{
    /// <summary>
    /// Builds the production resolver. With no <paramref name="nameservers"/>, those of <paramref name="resolvConfPath"/>
    /// are used (127.0.0.1 when it has none or is missing).
    /// </summary>
    /// <param name="nameservers">Nameservers as <c>address[:port]</c>; empty means the system's.</param>
    /// <param name="attemptTimeout">
    /// The timeout of one attempt. When <see langword="null"/>: resolv.conf's <c>options timeout:n</c> if the system
    /// nameservers are used and the file sets it (capped at 30 s), else 1 second. A value given here always wins.
    /// </param>
    /// <param name="attempts">
    /// How often each server is asked. When <see langword="null"/>: resolv.conf's <c>options attempts:n</c> if the system
    /// nameservers are used and the file sets it (capped at 5), else 2. A value given here always wins.
    /// </param>
    /// <param name="time">The clock of timeouts.</param>
    /// <param name="logger">Where the choice of system nameservers and failed attempts are logged.</param>
    /// <param name="resolvConfPath">The resolv.conf to read when <paramref name="nameservers"/> is empty.</param>
    /// <param name="useCaseRandomization">Whether to send names in random letter case and require the same echo (0x20).</param>
    /// <exception cref="FormatException">A nameserver is not an address with an optional port (host names are refused).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive timeout or fewer than one attempt.</exception>
    public static DnsStubResolver Create(
        IReadOnlyList<string> nameservers,
        TimeSpan? attemptTimeout,
        int? attempts,
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
            attemptTimeout ??= system.Timeout;
            attempts ??= system.Attempts;
            Log.UsingSystemNameservers(logger, servers, resolvConfPath, system.UsedFallback);
        }

        var options = new DnsStubResolverOptions(servers, attemptTimeout ?? DnsStubResolverConstants.DefaultAttemptTimeout, attempts ?? DnsStubResolverConstants.DefaultAttempts)
        {
            UseCaseRandomization = useCaseRandomization,
        };
        return new DnsStubResolver(options, new DnsTransport(time), logger);
    }
}

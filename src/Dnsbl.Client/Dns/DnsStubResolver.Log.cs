using System.Net;
using Dnsbl.Client.Dns.Protocol;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Dns;

internal sealed partial class DnsStubResolver
{
    /// <summary>Log events of the resolver; IDs and names never change once released.</summary>
    private static partial class Log
    {
        // Events 1 and 2 (DnsAttemptFailed, DnsLookupFailed) are written by Resilience/FailoverResolver, the one loop.
        [LoggerMessage(EventId = 3, EventName = "DnsSystemNameservers", Level = LogLevel.Information,
            Message = "No nameservers configured; using {Nameservers} from {ResolvConfPath} (fallback: {UsedFallback})")]
        public static partial void UsingSystemNameservers(ILogger logger, IEnumerable<IPEndPoint> nameservers, string resolvConfPath, bool usedFallback);

        [LoggerMessage(EventId = 4, EventName = "DnsResolvConfUnreadable", Level = LogLevel.Warning,
            Message = "{Problem}; using the fallback nameserver")]
        public static partial void ResolvConfUnreadable(ILogger logger, string problem);
    }
}

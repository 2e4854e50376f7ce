using System.Net;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Dns;

internal sealed partial class DnsStubResolver
{
    /// <summary>Log events of the resolver; IDs and names never change once released.</summary>
    private static partial class Log
    {
        // Event ids 1 (DnsAttemptFailed) and 2 (DnsLookupFailed) were shipped and are retired: never reuse them.
        [LoggerMessage(EventId = 3, EventName = "DnsSystemNameservers", Level = LogLevel.Information,
            Message = "No nameservers configured; using {Nameservers} from {ResolvConfPath} (fallback: {UsedFallback})")]
        public static partial void UsingSystemNameservers(ILogger logger, IEnumerable<IPEndPoint> nameservers, string resolvConfPath, bool usedFallback);
    }
}

using Dnsbl.Client.Dns.Protocol;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Dns;

internal sealed partial class DnsStubResolver
{
    /// <summary>Log events of the resolver; IDs and names never change once released.</summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "DnsAttemptFailed", Level = LogLevel.Debug,
            Message = "DNS {QueryName} {QueryType}: attempt {Attempt} to {Server} ended {Status} ({Detail}); trying the next server")]
        public static partial void AttemptFailed(ILogger logger, string queryName, DnsRecordType queryType, int attempt, IPEndPoint server, DnsLookupStatus status, string? detail);

        [LoggerMessage(EventId = 2, EventName = "DnsLookupFailed", Level = LogLevel.Debug,
            Message = "DNS {QueryName} {QueryType}: every one of {Attempts} attempts failed; last {Status}")]
        public static partial void LookupFailed(ILogger logger, string queryName, DnsRecordType queryType, int attempts, DnsLookupStatus status);

        [LoggerMessage(EventId = 3, EventName = "DnsSystemNameservers", Level = LogLevel.Information,
            Message = "No nameservers configured; using {Nameservers} from {ResolvConfPath} (fallback: {UsedFallback})")]
        public static partial void UsingSystemNameservers(ILogger logger, IEnumerable<IPEndPoint> nameservers, string resolvConfPath, bool usedFallback);
    }
}

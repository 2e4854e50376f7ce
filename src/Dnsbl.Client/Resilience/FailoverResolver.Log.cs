using System.Net;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Dns;
using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Resilience;

internal sealed partial class FailoverResolver
{
    /// <summary>
    /// Log events of the failover loop, written to the stub resolver's logger (category <c>DnsStubResolver</c>) with the
    /// IDs and names they had there; IDs and names never change once released.
    /// </summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "DnsAttemptFailed", Level = LogLevel.Debug,
            Message = "DNS {QueryName} {QueryType}: attempt {Attempt} to {Server} ended {Status} ({Detail}); trying the next server")]
        public static partial void AttemptFailed(ILogger logger, string queryName, DnsRecordType queryType, int attempt, IPEndPoint server, DnsLookupStatus status, string? detail);

        [LoggerMessage(EventId = 2, EventName = "DnsLookupFailed", Level = LogLevel.Debug,
            Message = "DNS {QueryName} {QueryType}: every one of {Attempts} attempts failed; last {Status}")]
        public static partial void LookupFailed(ILogger logger, string queryName, DnsRecordType queryType, int attempts, DnsLookupStatus status);
    }
}

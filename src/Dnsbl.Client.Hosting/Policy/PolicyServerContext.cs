using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Policy;

/// <summary>What every connection of one server shares: settings, decider, clock, logs, counters and the stop signals.</summary>
internal sealed record PolicyServerContext(
    PolicySettings Settings,
    PolicyDecider Decider,
    TimeProvider Time,
    ILogger Logger,
    PolicyMetrics Metrics,
    CancellationToken Stopping,
    CancellationToken Aborting);

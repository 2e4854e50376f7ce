using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Health;

public sealed partial class DnsblHealthMonitor
{
    /// <summary>Log messages of the monitor; event IDs and names never change (dashboards and alerts key on them).</summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, EventName = "ListHealthChanged", Level = LogLevel.Warning,
            Message = "DNS list {ListName} health changed from {PreviousState} to {State} (enabled: {Enabled}): {Reason}")]
        public static partial void ListHealthChanged(ILogger logger, string listName, ListHealthState previousState, ListHealthState state, bool enabled, string reason);

        [LoggerMessage(EventId = 2, EventName = "ListOverrideChanged", Level = LogLevel.Warning,
            Message = "DNS list {ListName} override set to {Override} (enabled: {Enabled}): {Reason}")]
        public static partial void ListOverrideChanged(ILogger logger, string listName, ListHealthOverride @override, bool enabled, string reason);

        [LoggerMessage(EventId = 3, EventName = "ProbeFailed", Level = LogLevel.Error,
            Message = "Health probe of DNS list {ListName} failed unexpectedly")]
        public static partial void ProbeFailed(ILogger logger, string listName, Exception exception);

        [LoggerMessage(EventId = 4, EventName = "StateChangedHandlerFailed", Level = LogLevel.Error,
            Message = "A StateChanged handler threw for DNS list {ListName}")]
        public static partial void StateChangedHandlerFailed(ILogger logger, string listName, Exception exception);

        [LoggerMessage(EventId = 5, EventName = "ListCircuitOpened", Level = LogLevel.Warning,
            Message = "DNS list {ListName} circuit opened: its recent queries kept failing; checks skip it (accepting without it) for {BreakSeconds} s, then try one lookup")]
        public static partial void ListCircuitOpened(ILogger logger, string listName, double breakSeconds);

        [LoggerMessage(EventId = 6, EventName = "ListCircuitClosed", Level = LogLevel.Information,
            Message = "DNS list {ListName} circuit closed: a trial lookup was answered; checks query it again")]
        public static partial void ListCircuitClosed(ILogger logger, string listName);

        [LoggerMessage(EventId = 7, EventName = "ListBudgetChanged", Level = LogLevel.Warning,
            Message = "DNS list {ListName} query budget is {BudgetState}: {UsedThisMinute}/{PerMinute} this minute, {UsedToday}/{PerDay} today (checks skip it: {Skipping})")]
        public static partial void ListBudgetChanged(ILogger logger, string listName, ListBudgetState budgetState, long usedThisMinute, int? perMinute, long usedToday, int? perDay, bool skipping);
    }
}

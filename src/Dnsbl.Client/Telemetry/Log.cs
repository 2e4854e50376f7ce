using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Telemetry;

/// <summary>Log messages of the lookup path. Event ids never change once shipped.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, EventName = "LookupFailed", Level = LogLevel.Debug, Message = "Lookup in {ListName} failed: {ErrorKind} ({Detail})")]
    public static partial void LookupFailed(ILogger logger, string listName, string errorKind, string? detail);

    [LoggerMessage(EventId = 101, EventName = "OperatorRefusal", Level = LogLevel.Warning, Message = "{ListName} answered with an operator refusal code: {Detail}; probing the list")]
    public static partial void OperatorRefusal(ILogger logger, string listName, string? detail);

    [LoggerMessage(EventId = 102, EventName = "Reconfigured", Level = LogLevel.Information, Message = "DNS list configuration reloaded: {ListCount} lists")]
    public static partial void Reconfigured(ILogger logger, int listCount);

    [LoggerMessage(EventId = 103, EventName = "ReconfigureRejected", Level = LogLevel.Error, Message = "DNS list configuration reload rejected, keeping the previous one: {Errors}")]
    public static partial void ReconfigureRejected(ILogger logger, string errors);

    [LoggerMessage(EventId = 104, EventName = "SharedCacheFailed", Level = LogLevel.Debug, Message = "The shared answer cache failed; asking DNS")]
    public static partial void SharedCacheFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 105, EventName = "SharedAnswerIgnored", Level = LogLevel.Warning, Message = "A shared answer for {ListName} was ignored: {Detail}; asking DNS")]
    public static partial void SharedAnswerIgnored(ILogger logger, string listName, string detail);

    [LoggerMessage(EventId = 106, EventName = "BudgetSyncFailed", Level = LogLevel.Debug, Message = "The shared query budget counter failed; counting in-process")]
    public static partial void BudgetSyncFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 107, EventName = "BudgetCountingLocal", Level = LogLevel.Warning, Message = "The shared query budget counter does not answer: budgets are counted in-process (this node's queries on top of the fleet's last known totals) until it does")]
    public static partial void BudgetCountingLocal(ILogger logger);

    [LoggerMessage(EventId = 108, EventName = "BudgetCountingShared", Level = LogLevel.Information, Message = "The shared query budget counter answers: budgets are counted fleet-wide again")]
    public static partial void BudgetCountingShared(ILogger logger);
}

using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Telemetry;

/// <summary>Log messages of the lookup path. Event ids never change once shipped.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, EventName = "LookupFailed", Level = LogLevel.Debug, Message = "Lookup in {ListName} failed: {ErrorKind} ({Detail})")]
    public static partial void LookupFailed(ILogger logger, string listName, DnsblErrorKind errorKind, string? detail);

    [LoggerMessage(EventId = 101, EventName = "OperatorRefusal", Level = LogLevel.Warning, Message = "{ListName} answered with an operator refusal code: {Detail}; probing the list")]
    public static partial void OperatorRefusal(ILogger logger, string listName, string? detail);
}

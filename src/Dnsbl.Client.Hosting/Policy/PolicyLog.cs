using Microsoft.Extensions.Logging;

namespace Dnsbl.Client.Policy;

/// <summary>The policy service's log events. Event ids and names never change (tools match on them).</summary>
internal static partial class PolicyLog
{
    [LoggerMessage(EventId = 1900, EventName = "PolicyListening", Level = LogLevel.Information, Message = "Policy service listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 1901, EventName = "PolicyStopped", Level = LogLevel.Information, Message = "Policy service stopped; {Abandoned} connections were closed with a request in flight")]
    public static partial void Stopped(ILogger logger, int abandoned);

    [LoggerMessage(EventId = 1902, EventName = "PolicyConnectionRefused", Level = LogLevel.Warning, Message = "Policy connection from {Peer} closed: {MaxConnections} connections are open already")]
    public static partial void ConnectionRefused(ILogger logger, string peer, int maxConnections);

    [LoggerMessage(EventId = 1903, EventName = "PolicyBadRequest", Level = LogLevel.Warning, Message = "Policy request from {Peer} is not a valid access policy request ({Problem}); answered {Action}")]
    public static partial void BadRequest(ILogger logger, string peer, string problem, string action);

    [LoggerMessage(EventId = 1904, EventName = "PolicyConnectionAbused", Level = LogLevel.Warning, Message = "Policy connection from {Peer} closed: {Problem}")]
    public static partial void ConnectionAbused(ILogger logger, string peer, string problem);

    [LoggerMessage(EventId = 1905, EventName = "PolicyIdleTimeout", Level = LogLevel.Information, Message = "Policy connection from {Peer} closed: no complete request for {IdleTimeout}")]
    public static partial void IdleTimeout(ILogger logger, string peer, TimeSpan idleTimeout);

    [LoggerMessage(EventId = 1906, EventName = "PolicyCheckFailed", Level = LogLevel.Error, Message = "Policy check failed; answered the error action")]
    public static partial void CheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1907, EventName = "PolicyDecision", Message = "Policy {Outcome} client={ClientAddress} helo={HeloName} sender={Sender}: {Action}")]
    public static partial void Decision(ILogger logger, LogLevel level, PolicyOutcome outcome, string clientAddress, string heloName, string sender, string action);

    [LoggerMessage(EventId = 1908, EventName = "PolicyConnectionFailed", Level = LogLevel.Debug, Message = "Policy connection from {Peer} ended by a socket error")]
    public static partial void ConnectionFailed(ILogger logger, string peer, Exception exception);

    [LoggerMessage(EventId = 1910, EventName = "PolicyConnectionCrashed", Level = LogLevel.Error, Message = "Policy connection from {Peer} ended by an unexpected error; the service goes on")]
    public static partial void ConnectionCrashed(ILogger logger, string peer, Exception exception);

    [LoggerMessage(EventId = 1909, EventName = "PolicyStatusFailed", Level = LogLevel.Debug, Message = "Status request failed")]
    public static partial void StatusFailed(ILogger logger, Exception exception);
}

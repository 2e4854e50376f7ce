namespace Dnsbl.Client.Health;

/// <summary>The latency of one probe question and whether it failed (timeout, SERVFAIL, network), for the report's statistics and history.</summary>
/// <param name="Latency">How long the question took.</param>
/// <param name="Failed">Whether it failed.</param>
/// <param name="ErrorKind">The failure in words (e.g. <c>Timeout</c>), for the history; null when it did not fail.</param>
internal readonly record struct ProbeSample(TimeSpan Latency, bool Failed, string? ErrorKind = null);

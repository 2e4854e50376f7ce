namespace Dnsbl.Client.Health;

/// <summary>The latency of one probe question and whether it failed (timeout, SERVFAIL, network), for the report's statistics.</summary>
internal readonly record struct ProbeSample(TimeSpan Latency, bool Failed);

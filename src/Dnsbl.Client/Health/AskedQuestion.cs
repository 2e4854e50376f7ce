using Dnsbl.Client.Dns;

namespace Dnsbl.Client.Health;

/// <summary>A probe question with the final result after its attempts.</summary>
internal sealed record AskedQuestion(PlannedProbe Probe, DnsLookupResult Result);

using Dnsbl.Client.Lists;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Testing.Demo;

/// <summary>One line of <c>zones.json</c>: a dataset file served in a zone, and what kind of list the zone is.</summary>
internal sealed record DemoZoneEntry(string Zone, ZoneDatasetType Type, string File, DnsListKind Kind);

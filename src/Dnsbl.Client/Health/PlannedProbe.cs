namespace Dnsbl.Client.Health;

/// <summary>One probe question of a round: the key asked about, its query name and whether a healthy list lists it.</summary>
internal sealed record PlannedProbe(string Key, string QueryName, bool ExpectListed);

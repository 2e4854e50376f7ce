namespace Dnsbl.Client.Testing.Zones;

/// <summary>The SOA of a zone as given by a <c>$SOA</c> line (all times in seconds).</summary>
internal sealed record ZoneSoa(
    uint TimeToLive,
    string PrimaryNameServer,
    string ResponsiblePerson,
    uint Serial,
    uint Refresh,
    uint Retry,
    uint Expire,
    uint Minimum)
{
    /// <summary>The TTL used when the SOA rides in a negative answer: min(TTL, MINIMUM), as RFC 2308 §3 asks and rbldnsd does.</summary>
    public uint NegativeTimeToLive => Math.Min(TimeToLive, Minimum);
}

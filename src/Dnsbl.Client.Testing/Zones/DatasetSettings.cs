namespace Dnsbl.Client.Testing.Zones;

/// <summary>The specials of one dataset: <c>$SOA</c>, <c>$NS</c>, <c>$TTL</c> and <c>$n</c> substitution variables.</summary>
internal sealed class DatasetSettings
{
    /// <summary>The first <c>$SOA</c> of the dataset (later ones are ignored, as rbldnsd does).</summary>
    public ZoneSoa? Soa { get; set; }

    /// <summary>The name servers of the first <c>$NS</c> line.</summary>
    public IReadOnlyList<string>? NameServers { get; set; }

    /// <summary>The TTL of the <c>$NS</c> records.</summary>
    public uint NameServerTimeToLive { get; set; }

    /// <summary>The TTL of data records (<c>$TTL</c>).</summary>
    public uint TimeToLive { get; set; } = ZoneTime.DefaultTimeToLive;

    /// <summary><c>$1</c>..<c>$9</c> substitution variables for TXT templates.</summary>
    public Dictionary<char, string> Variables { get; } = [];
}

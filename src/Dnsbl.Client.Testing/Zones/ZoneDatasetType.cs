namespace Dnsbl.Client.Testing.Zones;

/// <summary>The rbldnsd dataset formats this server understands (see rbldnsd(8)).</summary>
public enum ZoneDatasetType
{
    /// <summary>IPv4 addresses, prefixes, CIDR blocks and ranges, queried as reversed octets.</summary>
    Ip4Set,

    /// <summary>IPv6 prefixes, queried as 32 reversed nibbles; the longest matching prefix wins.</summary>
    Ip6Trie,

    /// <summary>Domain names with <c>*.x</c> (subdomains) and <c>.x</c> (domain and subdomains) wildcards.</summary>
    DnSet,

    /// <summary>Plain records, one per line: <c>name [ttl] type value</c> for A, AAAA, TXT, NS and MX.</summary>
    Generic,
}

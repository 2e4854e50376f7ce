namespace Dnsbl.Client.Testing.Zones;

/// <summary>
/// One CIDR block of an ip4set. <see cref="Level"/> is the prefix length rounded up to an octet boundary: rbldnsd
/// stores entries as /8, /16, /24 and /32 and answers from the most specific level that matches.
/// </summary>
internal sealed record Ip4SetEntry(uint First, uint Last, int Level, ListingValue? Value)
{
    public bool IsExclusion => Value is null;

    public bool Contains(uint address) => address >= First && address <= Last;
}

namespace Dnsbl.Client.Dns.Protocol;

/// <summary>Limits that every byte from the wire is checked against, each with the rule it comes from.</summary>
internal static class DnsProtocolLimits
{
    /// <summary>RFC 1035 §2.3.4: a label is 63 octets or less (the two top bits of the length octet are the label type).</summary>
    public const int MaxLabelLength = 63;

    /// <summary>RFC 1035 §2.3.4: a name is 255 octets or less on the wire, length octets and the root octet included.</summary>
    public const int MaxNameLength = 255;

    /// <summary>
    /// RFC 9267 §2 asks parsers to bound pointer chasing. A 255-octet name has at most 127 labels, so a name needing more
    /// pointers than that is hostile; 126 hops is also what a chain of one-label names could legitimately use.
    /// </summary>
    public const int MaxCompressionPointers = 126;

    /// <summary>RFC 1035 §4.2.1: the classic UDP payload limit, used when no EDNS0 size is advertised.</summary>
    public const int ClassicUdpPayloadSize = 512;

    /// <summary>RFC 6891 §6.2.5 and the DNS Flag Day 2020 recommendation: 1232 octets avoids IP fragmentation.</summary>
    public const ushort AdvertisedUdpPayloadSize = 1232;

    /// <summary>RFC 1035 §4.2.2: a TCP message is prefixed by a 16-bit length, so it is at most 65,535 octets.</summary>
    public const int MaxMessageLength = ushort.MaxValue;

    /// <summary>RFC 1035 §3.3: a character-string is one length octet and at most 255 octets.</summary>
    public const int MaxCharacterStringLength = 255;

    /// <summary>RFC 1035 §4.1.4: the two top bits 0b11 mark a compression pointer.</summary>
    public const byte PointerMarker = 0xC0;

    /// <summary>The class IN (RFC 1035 §3.2.4); the only class asked or accepted.</summary>
    public const ushort ClassInternet = 1;

    /// <summary>RFC 2181 §8: a TTL with the top bit set is to be treated as zero.</summary>
    public const uint MaxTimeToLive = int.MaxValue;
}

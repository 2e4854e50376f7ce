namespace Dnsbl.Client.Lists;

/// <summary>How a hashed key is written as a DNS label.</summary>
public enum KeyHashEncoding
{
    /// <summary>Lower-case hexadecimal.</summary>
    Hex,

    /// <summary>Lower-case base32 (RFC 4648 alphabet, no padding).</summary>
    Base32,
}

namespace Dnsbl.Client.Lists;

/// <summary>How a hashed key is written as a DNS label.</summary>
public enum KeyHashEncoding
{
    /// <summary>Lower-case hexadecimal (rspamd's <c>hash_format = "hex"</c>, the default; Spamhaus HBL e-mail hashes).</summary>
    Hex,

    /// <summary>Lower-case RFC 4648 base32, no padding (Spamhaus HBL file hashes). Not rspamd's "base32": see <see cref="ZBase32"/>.</summary>
    Base32,

    /// <summary>
    /// rspamd's <c>hash_format = "base32"</c>: the z-base-32 alphabet (ybndrfg8...) with the bits of each byte taken
    /// least-significant first, as rspamd's rspamd_encode_base32 writes them; no padding.
    /// </summary>
    ZBase32,

    /// <summary>rspamd's <c>hash_format = "base64"</c>: RFC 4648 base64 with padding, as rspamd writes it.</summary>
    Base64,
}

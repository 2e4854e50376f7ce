using System.Security.Cryptography;
using System.Text;
using Dnsbl.Client.Lists;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Hashes a normalised key (an e-mail address or domain, lower-cased) into a query label as hashed lists expect
/// (Spamhaus HBL, rspamd's <c>hash</c> option): MD5/SHA-1/SHA-256 of the UTF-8 key, in lower-case hex or RFC 4648
/// base32 without padding, optionally cut to a length.
/// </summary>
internal static class KeyHasher
{
    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567"; // RFC 4648 §6, lower case for DNS labels

    /// <summary>The label for <paramref name="key"/> under <paramref name="list"/>'s hash settings (the key itself when none).</summary>
    public static string Apply(string key, DnsList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return Hash(key, list.KeyHash, list.KeyHashEncoding, list.KeyHashLength);
    }

    /// <summary>Hashes <paramref name="key"/> (lower-cased first) and encodes it; <paramref name="length"/> 0 keeps every character.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static string Hash(string key, KeyHashAlgorithm algorithm, KeyHashEncoding encoding, int length)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var normalized = key.Trim().ToLowerInvariant();
        if (algorithm == KeyHashAlgorithm.None)
        {
            return normalized;
        }

        var input = Encoding.UTF8.GetBytes(normalized);
        var digest = algorithm switch
        {
#pragma warning disable CA5351, CA5350 // The list defines the hash; it is an identifier, not a security measure.
            KeyHashAlgorithm.Md5 => MD5.HashData(input),
            KeyHashAlgorithm.Sha1 => SHA1.HashData(input),
#pragma warning restore CA5351, CA5350
            KeyHashAlgorithm.Sha256 => SHA256.HashData(input),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown key hash algorithm."),
        };

        var text = encoding switch
        {
            KeyHashEncoding.Base32 => ToBase32(digest),
            KeyHashEncoding.ZBase32 => ToRspamdZBase32(digest),
            KeyHashEncoding.Base64 => Convert.ToBase64String(digest),
            _ => Convert.ToHexStringLower(digest),
        };
        return length > 0 && length < text.Length ? text[..length] : text;
    }

    /// <summary>
    /// rspamd's base32: the z-base-32 alphabet over a bit stream that takes each byte least-significant bit first
    /// (rspamd_encode_base32_buf), so it differs from z-base-32 as Zooko's note (and RFC 4648) order the bits.
    /// </summary>
    internal static string ToRspamdZBase32(ReadOnlySpan<byte> data)
    {
        const string alphabet = "ybndrfg8ejkmcpqxot1uwisza345h769";
        var output = new StringBuilder((data.Length * 8 + 4) / 5);
        var buffer = 0;
        var bits = 0;
        foreach (var value in data)
        {
            buffer |= value << bits;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(alphabet[buffer & 31]);
                buffer >>= 5;
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            output.Append(alphabet[buffer & 31]);
        }

        return output.ToString();
    }

    /// <summary>RFC 4648 base32, lower case, without padding.</summary>
    internal static string ToBase32(ReadOnlySpan<byte> data)
    {
        var output = new StringBuilder((data.Length * 8 + 4) / 5);
        var buffer = 0;
        var bits = 0;
        foreach (var value in data)
        {
            buffer = (buffer << 8) | value;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                output.Append(Base32Alphabet[(buffer >> bits) & 31]);
            }
        }

        if (bits > 0)
        {
            output.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return output.ToString();
    }
}

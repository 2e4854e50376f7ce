using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>Query IDs from a cryptographic generator, so an off-path attacker cannot predict them (RFC 5452 §9.2).</summary>
internal static class DnsQueryId
{
    /// <summary>Returns a new unpredictable 16-bit ID.</summary>
    public static ushort Next()
    {
        Span<byte> bytes = stackalloc byte[sizeof(ushort)];
        RandomNumberGenerator.Fill(bytes);
        return BinaryPrimitives.ReadUInt16BigEndian(bytes);
    }
}

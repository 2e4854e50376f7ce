using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Dnsbl.Client.Dns.Transport;

/// <summary>
/// Unpredictable query IDs for one socket, drawn from the cryptographic generator a block at a time: one call into the
/// OS generator per 128 IDs instead of one per query, with the same unpredictability (RFC 5452 §9.2). Not thread-safe:
/// the socket calls it under its lock.
/// </summary>
internal sealed class DnsQueryIdGenerator
{
    private readonly byte[] _block = new byte[256];
    private int _position = int.MaxValue;

    /// <summary>Returns the next unpredictable 16-bit ID.</summary>
    public ushort Next()
    {
        if (_position > _block.Length - sizeof(ushort))
        {
            RandomNumberGenerator.Fill(_block);
            _position = 0;
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(_block.AsSpan(_position));
        _position += sizeof(ushort);
        return id;
    }
}

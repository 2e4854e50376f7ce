using System.Buffers.Binary;

namespace Dnsbl.Client.Dns.Protocol;

/// <summary>
/// Writes a DNS message into a caller's buffer. Each method returns false when the buffer is too small (nothing
/// partial is promised then); names that break RFC 1035 limits throw <see cref="ArgumentException"/>, as they are a
/// programming error of the caller, not wire data. Names are written uncompressed.
/// </summary>
internal ref partial struct DnsMessageWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    /// <summary>Starts writing at the first octet of <paramref name="buffer"/>.</summary>
    public DnsMessageWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>The number of octets written so far.</summary>
    public readonly int Position => _position;

    /// <summary>Writes the header at the current position (normally offset 0).</summary>
    public bool TryWriteHeader(in DnsMessageHeader header)
    {
        if (!header.TryWrite(_buffer[_position..]))
        {
            return false;
        }

        _position += DnsMessageHeader.Size;
        return true;
    }

    /// <summary>Writes one question entry.</summary>
    public bool TryWriteQuestion(string name, DnsRecordType type, ushort recordClass = DnsProtocolLimits.ClassInternet) =>
        TryWriteName(name) && TryWriteUInt16((ushort)type) && TryWriteUInt16(recordClass);

    /// <summary>Writes a name in uncompressed wire form.</summary>
    /// <exception cref="ArgumentException">The name breaks a limit of RFC 1035 §2.3.4.</exception>
    public bool TryWriteName(string name)
    {
        int written = DnsName.Encode(name, _buffer[_position..]);
        if (written < 0)
        {
            return false;
        }

        _position += written;
        return true;
    }

    /// <summary>Writes an EDNS0 OPT pseudo-record advertising <paramref name="udpPayloadSize"/> (RFC 6891 §6.1.2).</summary>
    public bool TryWriteOpt(ushort udpPayloadSize = DnsProtocolLimits.AdvertisedUdpPayloadSize, byte extendedResponseCodeBits = 0) =>
        TryWriteUInt8(0) // root owner name
        && TryWriteUInt16((ushort)DnsRecordType.OPT)
        && TryWriteUInt16(udpPayloadSize)
        && TryWriteUInt32((uint)extendedResponseCodeBits << 24) // extended RCODE, version 0, no DO bit
        && TryWriteUInt16(0); // no options

    /// <summary>Writes a big-endian 16-bit value.</summary>
    public bool TryWriteUInt16(ushort value)
    {
        if (!BinaryPrimitives.TryWriteUInt16BigEndian(_buffer[_position..], value))
        {
            return false;
        }

        _position += sizeof(ushort);
        return true;
    }

    /// <summary>Writes a big-endian 32-bit value.</summary>
    public bool TryWriteUInt32(uint value)
    {
        if (!BinaryPrimitives.TryWriteUInt32BigEndian(_buffer[_position..], value))
        {
            return false;
        }

        _position += sizeof(uint);
        return true;
    }

    /// <summary>Writes one octet.</summary>
    public bool TryWriteUInt8(byte value)
    {
        if (_position >= _buffer.Length)
        {
            return false;
        }

        _buffer[_position++] = value;
        return true;
    }

    /// <summary>Writes raw octets.</summary>
    public bool TryWriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.TryCopyTo(_buffer[_position..]))
        {
            return false;
        }

        _position += bytes.Length;
        return true;
    }
}

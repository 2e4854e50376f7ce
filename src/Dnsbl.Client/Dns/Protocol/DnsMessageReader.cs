using System.Buffers.Binary;
using System.Text;

namespace Dnsbl.Client.Dns.Protocol;

/// <summary>
/// Reads a DNS message field by field, treating every octet as hostile: each read checks bounds first and, on failure,
/// returns false and records why in <see cref="Error"/>. Nothing here throws for bad input.
/// </summary>
internal ref partial struct DnsMessageReader
{
    private readonly ReadOnlySpan<byte> _message;
    private int _position;

    /// <summary>Starts reading at the first octet of <paramref name="message"/> (the header).</summary>
    public DnsMessageReader(ReadOnlySpan<byte> message)
    {
        _message = message;
        _position = 0;
        Error = DnsParseError.None;
    }

    /// <summary>Why the last failed read failed.</summary>
    public DnsParseError Error { get; private set; }

    /// <summary>The offset of the next octet to read.</summary>
    public readonly int Position => _position;

    /// <summary>Octets left after <see cref="Position"/>.</summary>
    public readonly int Remaining => _message.Length - _position;

    /// <summary>Reads the 12-octet header.</summary>
    public bool TryReadHeader(out DnsMessageHeader header)
    {
        if (!DnsMessageHeader.TryRead(_message[_position..], out header))
        {
            return Fail(DnsParseError.Truncated);
        }

        _position += DnsMessageHeader.Size;
        return true;
    }

    /// <summary>Reads one question entry (name, type, class).</summary>
    public bool TryReadQuestion(out DnsWireQuestion question)
    {
        question = default;
        if (!TryReadName(out string name) || !TryReadUInt16(out ushort type) || !TryReadUInt16(out ushort recordClass))
        {
            return false;
        }

        question = new DnsWireQuestion(name, (DnsRecordType)type, recordClass);
        return true;
    }

    /// <summary>Reads a big-endian 16-bit value.</summary>
    public bool TryReadUInt16(out ushort value)
    {
        if (!BinaryPrimitives.TryReadUInt16BigEndian(_message[_position..], out value))
        {
            return Fail(DnsParseError.Truncated);
        }

        _position += sizeof(ushort);
        return true;
    }

    /// <summary>Reads a big-endian 32-bit value.</summary>
    public bool TryReadUInt32(out uint value)
    {
        if (!BinaryPrimitives.TryReadUInt32BigEndian(_message[_position..], out value))
        {
            return Fail(DnsParseError.Truncated);
        }

        _position += sizeof(uint);
        return true;
    }

    /// <summary>
    /// Reads a possibly compressed name (RFC 1035 §4.1.4). Each pointer must point strictly before the labels being
    /// read when it was met (so chains always move backward and cannot loop), pointer hops are capped, reserved label
    /// types are rejected and the expanded name may not exceed 255 octets.
    /// </summary>
    public bool TryReadName(out string name)
    {
        name = string.Empty;
        var text = new StringBuilder();
        int position = _position;
        int segmentStart = _position;
        int resumeAt = -1;
        int wireLength = 0;
        int pointers = 0;
        while (true)
        {
            if (position >= _message.Length)
            {
                return Fail(DnsParseError.Truncated);
            }

            byte lengthOctet = _message[position];
            int labelType = lengthOctet & DnsProtocolLimits.PointerMarker;
            if (labelType == DnsProtocolLimits.PointerMarker)
            {
                if (position + 1 >= _message.Length)
                {
                    return Fail(DnsParseError.Truncated);
                }

                int target = ((lengthOctet & ~DnsProtocolLimits.PointerMarker) << 8) | _message[position + 1];
                if (++pointers > DnsProtocolLimits.MaxCompressionPointers)
                {
                    return Fail(DnsParseError.TooManyPointers);
                }

                if (target >= segmentStart)
                {
                    return Fail(DnsParseError.PointerNotBackward);
                }

                if (resumeAt < 0)
                {
                    resumeAt = position + 2;
                }

                position = target;
                segmentStart = target;
                continue;
            }

            if (labelType != 0)
            {
                return Fail(DnsParseError.ReservedLabelType);
            }

            // The two type bits are 00, so lengthOctet is at most 63 here (RFC 1035 §2.3.4).
            wireLength += lengthOctet + 1;
            if (wireLength > DnsProtocolLimits.MaxNameLength)
            {
                return Fail(DnsParseError.NameTooLong);
            }

            if (lengthOctet == 0)
            {
                position++;
                break;
            }

            if (position + 1 + lengthOctet > _message.Length)
            {
                return Fail(DnsParseError.Truncated);
            }

            if (text.Length > 0)
            {
                text.Append('.');
            }

            DnsName.AppendLabel(text, _message.Slice(position + 1, lengthOctet));
            position += 1 + lengthOctet;
        }

        _position = resumeAt >= 0 ? resumeAt : position;
        name = text.ToString();
        return true;
    }

    /// <summary>Returns the next <paramref name="length"/> octets and moves past them.</summary>
    public bool TryReadBytes(int length, out ReadOnlySpan<byte> bytes)
    {
        if (length < 0 || length > Remaining)
        {
            bytes = default;
            return Fail(DnsParseError.Truncated);
        }

        bytes = _message.Slice(_position, length);
        _position += length;
        return true;
    }

    private bool Fail(DnsParseError error)
    {
        Error = error;
        return false;
    }
}

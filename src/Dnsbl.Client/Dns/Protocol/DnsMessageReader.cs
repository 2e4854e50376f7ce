using System.Buffers.Binary;

namespace Dnsbl.Client.Dns.Protocol;

/// <summary>
/// Reads a DNS message field by field, treating every octet as hostile: each read checks bounds first and, on failure,
/// returns false and records why in <see cref="Error"/>. Nothing here throws for bad input.
/// </summary>
internal ref partial struct DnsMessageReader
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly string? _expectedName;
    private int _position;
    private string? _rememberedName;
    private int _rememberedNameOffset;

    /// <summary>Starts reading at the first octet of <paramref name="message"/> (the header).</summary>
    /// <param name="message">The whole message.</param>
    /// <param name="expectedName">
    /// A name the message probably holds (the question asked): a name read with exactly this text is returned as this
    /// very string instead of a new one.
    /// </param>
    public DnsMessageReader(ReadOnlySpan<byte> message, string? expectedName = null)
    {
        _message = message;
        _expectedName = expectedName;
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

using System.Buffers.Binary;

namespace Dnsbl.Client.Dns.Protocol;

/// <summary>The fixed 12-octet DNS header (RFC 1035 §4.1.1): ID, flags, opcode, rcode and the four section counts.</summary>
internal readonly struct DnsMessageHeader
{
    /// <summary>The header's size on the wire, in octets.</summary>
    public const int Size = 12;

    private const int OpcodeShift = 11;
    private const ushort OpcodeMask = 0x7800;
    private const ushort ResponseCodeMask = 0x000F;
    private const ushort SingleBitFlagsMask = 0x87B0;

    /// <summary>Creates a header from its parts.</summary>
    public DnsMessageHeader(
        ushort id,
        DnsHeaderFlags flags,
        DnsOpcode opcode = DnsOpcode.Query,
        DnsResponseCode responseCode = DnsResponseCode.NoError,
        ushort questionCount = 0,
        ushort answerCount = 0,
        ushort authorityCount = 0,
        ushort additionalCount = 0)
        : this(id, ComposeRawFlags(flags, opcode, responseCode), questionCount, answerCount, authorityCount, additionalCount)
    {
    }

    private DnsMessageHeader(ushort id, ushort rawFlags, ushort questionCount, ushort answerCount, ushort authorityCount, ushort additionalCount)
    {
        Id = id;
        RawFlags = rawFlags;
        QuestionCount = questionCount;
        AnswerCount = answerCount;
        AuthorityCount = authorityCount;
        AdditionalCount = additionalCount;
    }

    /// <summary>The query ID that a response must echo.</summary>
    public ushort Id { get; }

    /// <summary>The whole second 16-bit word, as on the wire.</summary>
    public ushort RawFlags { get; }

    /// <summary>QDCOUNT.</summary>
    public ushort QuestionCount { get; }

    /// <summary>ANCOUNT.</summary>
    public ushort AnswerCount { get; }

    /// <summary>NSCOUNT.</summary>
    public ushort AuthorityCount { get; }

    /// <summary>ARCOUNT.</summary>
    public ushort AdditionalCount { get; }

    /// <summary>The single-bit flags (QR, AA, TC, RD, RA, AD, CD).</summary>
    public DnsHeaderFlags Flags => (DnsHeaderFlags)(RawFlags & SingleBitFlagsMask);

    /// <summary>The OPCODE (unknown values preserved).</summary>
    public DnsOpcode Opcode => (DnsOpcode)((RawFlags & OpcodeMask) >> OpcodeShift);

    /// <summary>The RCODE (unknown values preserved).</summary>
    public DnsResponseCode ResponseCode => (DnsResponseCode)(RawFlags & ResponseCodeMask);

    /// <summary>QR: true for a response.</summary>
    public bool IsResponse => (Flags & DnsHeaderFlags.Response) != 0;

    /// <summary>TC: true when the answer did not fit and TCP should be used.</summary>
    public bool IsTruncated => (Flags & DnsHeaderFlags.Truncated) != 0;

    /// <summary>Returns a copy with other section counts (the writer fills them from the sections it wrote).</summary>
    public DnsMessageHeader WithCounts(ushort questions, ushort answers, ushort authorities, ushort additionals) =>
        new(Id, RawFlags, questions, answers, authorities, additionals);

    /// <summary>Reads a header from the first <see cref="Size"/> octets of <paramref name="source"/>.</summary>
    /// <returns>False when fewer than <see cref="Size"/> octets are available.</returns>
    public static bool TryRead(ReadOnlySpan<byte> source, out DnsMessageHeader header)
    {
        if (source.Length < Size)
        {
            header = default;
            return false;
        }

        header = new DnsMessageHeader(
            BinaryPrimitives.ReadUInt16BigEndian(source),
            BinaryPrimitives.ReadUInt16BigEndian(source[2..]),
            BinaryPrimitives.ReadUInt16BigEndian(source[4..]),
            BinaryPrimitives.ReadUInt16BigEndian(source[6..]),
            BinaryPrimitives.ReadUInt16BigEndian(source[8..]),
            BinaryPrimitives.ReadUInt16BigEndian(source[10..]));
        return true;
    }

    /// <summary>Writes this header into the first <see cref="Size"/> octets of <paramref name="destination"/>.</summary>
    /// <returns>False when <paramref name="destination"/> is shorter than <see cref="Size"/>.</returns>
    public bool TryWrite(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, Id);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], RawFlags);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], QuestionCount);
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], AnswerCount);
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], AuthorityCount);
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], AdditionalCount);
        return true;
    }

    private static ushort ComposeRawFlags(DnsHeaderFlags flags, DnsOpcode opcode, DnsResponseCode responseCode) =>
        (ushort)(((ushort)flags & SingleBitFlagsMask)
            | (((int)opcode << OpcodeShift) & OpcodeMask)
            | ((int)responseCode & ResponseCodeMask));
}

namespace Dnsbl.Client.Dns.Protocol;

/// <summary>
/// A whole DNS message as data: header, question section, and the records this library models. Used to read responses
/// (client) and queries (test server), and to write responses (test server, tests). Records of a class other than IN
/// and of unmodelled types are skipped when reading; OPT is reduced to <see cref="EdnsUdpPayloadSize"/>.
/// </summary>
internal sealed partial class DnsMessage
{
    /// <summary>The header; on write, its counts are replaced by the sizes of the sections.</summary>
    public required DnsMessageHeader Header { get; init; }

    /// <summary>The question section (normally one entry).</summary>
    public IReadOnlyList<DnsWireQuestion> Questions { get; init; } = [];

    /// <summary>The answer section.</summary>
    public IReadOnlyList<DnsRecord> Answers { get; init; } = [];

    /// <summary>The authority section (SOA for negative answers, NS for referrals).</summary>
    public IReadOnlyList<DnsRecord> Authorities { get; init; } = [];

    /// <summary>The additional section, without the OPT pseudo-record.</summary>
    public IReadOnlyList<DnsRecord> Additionals { get; init; } = [];

    /// <summary>The UDP payload size of the OPT record (RFC 6891), or null when the message has none.</summary>
    public ushort? EdnsUdpPayloadSize { get; init; }

    /// <summary>The upper 8 bits of the 12-bit RCODE, from the OPT record's TTL field (RFC 6891 §6.1.3); 0 without OPT.</summary>
    public byte ExtendedResponseCodeBits { get; init; }

    /// <summary>The whole RCODE: the header's 4 bits joined with the OPT record's upper 8 (BADVERS is 16, RFC 6891 §9).</summary>
    public DnsResponseCode ExtendedResponseCode => (DnsResponseCode)((ExtendedResponseCodeBits << 4) | (int)Header.ResponseCode);

    /// <summary>The first question, when there is one.</summary>
    public DnsWireQuestion? Question => Questions.Count > 0 ? Questions[0] : null;

    /// <summary>
    /// Creates a response to <paramref name="query"/>: same ID, opcode, RD and question, QR set, the given rcode and
    /// records, and an OPT record when the query had one.
    /// </summary>
    public static DnsMessage CreateResponse(
        DnsMessage query,
        DnsResponseCode responseCode,
        IReadOnlyList<DnsRecord>? answers = null,
        IReadOnlyList<DnsRecord>? authorities = null,
        bool authoritative = true,
        bool truncated = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        var flags = DnsHeaderFlags.Response
            | (query.Header.Flags & DnsHeaderFlags.RecursionDesired)
            | (authoritative ? DnsHeaderFlags.AuthoritativeAnswer : DnsHeaderFlags.None)
            | (truncated ? DnsHeaderFlags.Truncated : DnsHeaderFlags.None);
        return new DnsMessage
        {
            Header = new DnsMessageHeader(query.Header.Id, flags, query.Header.Opcode, responseCode),
            Questions = query.Questions,
            Answers = answers ?? [],
            Authorities = authorities ?? [],
            EdnsUdpPayloadSize = query.EdnsUdpPayloadSize is null ? null : DnsProtocolLimits.AdvertisedUdpPayloadSize,
        };
    }

    /// <summary>Writes the message (counts taken from the sections) into <paramref name="destination"/>.</summary>
    /// <returns>False when the buffer is too small; <paramref name="written"/> is then 0.</returns>
    /// <exception cref="ArgumentException">A name or record cannot be encoded.</exception>
    public bool TryWrite(Span<byte> destination, out int written)
    {
        written = 0;
        var writer = new DnsMessageWriter(destination);
        int additionalCount = Additionals.Count + (EdnsUdpPayloadSize is null ? 0 : 1);
        var header = Header.WithCounts((ushort)Questions.Count, (ushort)Answers.Count, (ushort)Authorities.Count, (ushort)additionalCount);
        if (!writer.TryWriteHeader(header))
        {
            return false;
        }

        foreach (var question in Questions)
        {
            if (!writer.TryWriteQuestion(question.Name, question.Type, question.Class))
            {
                return false;
            }
        }

        foreach (var section in (ReadOnlySpan<IReadOnlyList<DnsRecord>>)[Answers, Authorities, Additionals])
        {
            foreach (var record in section)
            {
                if (!writer.TryWriteRecord(record))
                {
                    return false;
                }
            }
        }

        if (EdnsUdpPayloadSize is { } payloadSize && !writer.TryWriteOpt(payloadSize, ExtendedResponseCodeBits))
        {
            return false;
        }

        written = writer.Position;
        return true;
    }

    /// <summary>Writes the message into a new array (tests and the test server; the client's hot path uses buffers).</summary>
    public byte[] ToArray()
    {
        var buffer = new byte[DnsProtocolLimits.MaxMessageLength];
        return TryWrite(buffer, out int written)
            ? buffer[..written]
            : throw new InvalidOperationException("The message does not fit in 65,535 octets.");
    }
}

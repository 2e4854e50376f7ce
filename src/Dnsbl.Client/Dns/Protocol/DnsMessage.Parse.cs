namespace Dnsbl.Client.Dns.Protocol;

internal sealed partial class DnsMessage
{
    // RFC 1035 §4.1.2/§4.1.3: the smallest question is a root name (1) + type + class; the smallest record adds TTL and RDLENGTH.
    private const int MinQuestionLength = 1 + 2 + 2;
    private const int MinRecordLength = 1 + 2 + 2 + 4 + 2;

    // A section's array is sized from its header count, but never more than this ahead of the entries actually read.
    private const int MaxEntriesAhead = 16;

    /// <summary>Parses a whole message; any malformation yields false and a <see cref="DnsParseError"/>, never an exception.</summary>
    public static bool TryParse(ReadOnlySpan<byte> source, out DnsMessage? message, out DnsParseError error) =>
        TryParse(source, expectedName: null, out message, out error);

    /// <summary>
    /// Parses a whole message like <see cref="TryParse(ReadOnlySpan{byte}, out DnsMessage?, out DnsParseError)"/>; a name
    /// with exactly the text of <paramref name="expectedName"/> (the question asked) is that string, not a copy.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> source, string? expectedName, out DnsMessage? message, out DnsParseError error)
    {
        message = null;
        var reader = new DnsMessageReader(source, expectedName);
        if (!reader.TryReadHeader(out var header))
        {
            error = reader.Error;
            return false;
        }

        // Refuse impossible counts before allocating anything for them.
        long smallestPossible = ((long)header.QuestionCount * MinQuestionLength)
            + ((long)(header.AnswerCount + header.AuthorityCount + header.AdditionalCount) * MinRecordLength);
        if (smallestPossible > reader.Remaining)
        {
            error = DnsParseError.CountsExceedMessage;
            return false;
        }

        var questions = Array.Empty<DnsWireQuestion>();
        for (int i = 0; i < header.QuestionCount; i++)
        {
            if (!reader.TryReadQuestion(out var question))
            {
                error = reader.Error;
                return false;
            }

            Append(ref questions, i, question, header.QuestionCount - i);
        }

        var opt = default(OptFields);
        if (!TryReadSection(ref reader, header.AnswerCount, out var answers, ref opt, optAllowed: false)
            || !TryReadSection(ref reader, header.AuthorityCount, out var authorities, ref opt, optAllowed: false)
            || !TryReadSection(ref reader, header.AdditionalCount, out var additionals, ref opt, optAllowed: true))
        {
            error = opt.Misplaced ? DnsParseError.MisplacedOpt : reader.Error;
            return false;
        }

        message = new DnsMessage
        {
            Header = header,
            Questions = questions,
            Answers = answers,
            Authorities = authorities,
            Additionals = additionals,
            EdnsUdpPayloadSize = opt.PayloadSize,
            ExtendedResponseCodeBits = opt.ExtendedResponseCodeBits,
        };
        error = DnsParseError.None;
        return true;
    }

    // RFC 6891 §6.1.1: at most one OPT, and only in the additional section; anything else is a malformed message
    // (a second OPT could otherwise hide or change the extended RCODE of the first).
    private static bool TryReadSection(ref DnsMessageReader reader, int count, out DnsRecord[] records, ref OptFields opt, bool optAllowed)
    {
        records = [];
        int kept = 0;
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadRecord(out var record, out var type, out ushort recordClass, out uint timeToLive))
            {
                return false;
            }

            if (type == DnsRecordType.OPT)
            {
                if (!optAllowed || opt.PayloadSize is not null)
                {
                    opt.Misplaced = true;
                    return false;
                }

                opt.PayloadSize = recordClass;
                opt.ExtendedResponseCodeBits = (byte)(timeToLive >> 24); // RFC 6891 §6.1.3: the upper 8 bits of the 12-bit RCODE
            }
            else if (record is not null && recordClass == DnsProtocolLimits.ClassInternet)
            {
                Append(ref records, kept++, record, count - i);
            }
        }

        if (kept < records.Length)
        {
            // Some entries were skipped (OPT, another class, an unmodelled type).
            Array.Resize(ref records, kept);
        }

        return true;
    }

    /// <summary>Puts <paramref name="item"/> at <paramref name="index"/>, growing the array for at most the entries still unread.</summary>
    private static void Append<T>(ref T[] items, int index, T item, int unread)
    {
        if (index == items.Length)
        {
            Array.Resize(ref items, index + Math.Min(unread, Math.Max(index, MaxEntriesAhead)));
        }

        items[index] = item;
    }

    private struct OptFields
    {
        public ushort? PayloadSize;
        public byte ExtendedResponseCodeBits;
        public bool Misplaced;
    }
}

namespace Dnsbl.Client.Dns.Protocol;

internal sealed partial class DnsMessage
{
    // RFC 1035 §4.1.2/§4.1.3: the smallest question is a root name (1) + type + class; the smallest record adds TTL and RDLENGTH.
    private const int MinQuestionLength = 1 + 2 + 2;
    private const int MinRecordLength = 1 + 2 + 2 + 4 + 2;

    /// <summary>Parses a whole message; any malformation yields false and a <see cref="DnsParseError"/>, never an exception.</summary>
    public static bool TryParse(ReadOnlySpan<byte> source, out DnsMessage? message, out DnsParseError error)
    {
        message = null;
        var reader = new DnsMessageReader(source);
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

        var questions = new List<DnsWireQuestion>(header.QuestionCount);
        for (int i = 0; i < header.QuestionCount; i++)
        {
            if (!reader.TryReadQuestion(out var question))
            {
                error = reader.Error;
                return false;
            }

            questions.Add(question);
        }

        ushort? payloadSize = null;
        if (!TryReadSection(ref reader, header.AnswerCount, out var answers, ref payloadSize)
            || !TryReadSection(ref reader, header.AuthorityCount, out var authorities, ref payloadSize)
            || !TryReadSection(ref reader, header.AdditionalCount, out var additionals, ref payloadSize))
        {
            error = reader.Error;
            return false;
        }

        message = new DnsMessage
        {
            Header = header,
            Questions = questions,
            Answers = answers,
            Authorities = authorities,
            Additionals = additionals,
            EdnsUdpPayloadSize = payloadSize,
        };
        error = DnsParseError.None;
        return true;
    }

    private static bool TryReadSection(ref DnsMessageReader reader, int count, out List<DnsRecord> records, ref ushort? payloadSize)
    {
        records = new List<DnsRecord>(Math.Min(count, 16));
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadRecord(out var record, out var type, out ushort recordClass))
            {
                return false;
            }

            if (type == DnsRecordType.OPT)
            {
                payloadSize = recordClass;
            }
            else if (record is not null && recordClass == DnsProtocolLimits.ClassInternet)
            {
                records.Add(record);
            }
        }

        return true;
    }
}

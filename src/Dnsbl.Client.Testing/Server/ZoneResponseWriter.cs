using Dnsbl.Client.Dns;
using Dnsbl.Client.Dns.Protocol;
using Dnsbl.Client.Testing.Zones;

namespace Dnsbl.Client.Testing.Server;

/// <summary>
/// Writes a response holding <see cref="ZoneRecord"/>s with the dns engineer's <see cref="DnsMessageWriter"/>.
/// A, AAAA, TXT and NS go through its record writer; SOA (all seven fields from <c>$SOA</c>) and MX, which it does not
/// model, are written here from its primitives.
/// </summary>
internal static class ZoneResponseWriter
{
    public static byte[] Write(
        DnsMessageHeader header,
        IReadOnlyList<DnsWireQuestion> questions,
        IReadOnlyList<ZoneRecord> answers,
        IReadOnlyList<ZoneRecord> authorities,
        ushort? ednsPayloadSize)
    {
        var buffer = new byte[DnsProtocolLimits.MaxMessageLength];
        var writer = new DnsMessageWriter(buffer);
        var counted = header.WithCounts(
            (ushort)questions.Count, (ushort)answers.Count, (ushort)authorities.Count, (ushort)(ednsPayloadSize is null ? 0 : 1));
        var fits = writer.TryWriteHeader(counted);
        foreach (var question in questions)
        {
            fits = fits && writer.TryWriteQuestion(question.Name, question.Type, question.Class);
        }

        foreach (var record in answers.Concat(authorities))
        {
            fits = fits && TryWrite(ref writer, record);
        }

        fits = fits && (ednsPayloadSize is not { } size || writer.TryWriteOpt(size));
        return fits ? buffer[..writer.Position] : throw new InvalidOperationException("The response does not fit in 65,535 octets.");
    }

    private static bool TryWrite(ref DnsMessageWriter writer, ZoneRecord record)
    {
        if (record.Type is not (DnsRecordType.SOA or ZoneRecord.MailExchange))
        {
            return writer.TryWriteRecord(new DnsRecord(record.Name, record.Type, record.TimeToLive)
            {
                Address = record.Address,
                Text = record.Text,
                Target = record.Target,
            });
        }

        var data = new byte[(2 * DnsProtocolLimits.MaxNameLength) + 20];
        var dataWriter = new DnsMessageWriter(data);
        var written = record.Soa is { } soa
            ? dataWriter.TryWriteName(soa.PrimaryNameServer) && dataWriter.TryWriteName(soa.ResponsiblePerson)
                && dataWriter.TryWriteUInt32(soa.Serial) && dataWriter.TryWriteUInt32(soa.Refresh) && dataWriter.TryWriteUInt32(soa.Retry)
                && dataWriter.TryWriteUInt32(soa.Expire) && dataWriter.TryWriteUInt32(soa.Minimum)
            : dataWriter.TryWriteUInt16(record.Preference) && dataWriter.TryWriteName(record.Target ?? string.Empty);
        return written
            && writer.TryWriteName(record.Name) && writer.TryWriteUInt16((ushort)record.Type)
            && writer.TryWriteUInt16(DnsProtocolLimits.ClassInternet) && writer.TryWriteUInt32(record.TimeToLive)
            && writer.TryWriteUInt16((ushort)dataWriter.Position) && writer.TryWriteBytes(data.AsSpan(0, dataWriter.Position));
    }
}

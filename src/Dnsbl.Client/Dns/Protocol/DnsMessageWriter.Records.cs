using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Dnsbl.Client.Dns.Protocol;

internal ref partial struct DnsMessageWriter
{
    // SOA fields the DnsRecord model does not carry; values a small authoritative zone would publish.
    private const uint SoaSerial = 1;
    private const uint SoaRefresh = 3600;
    private const uint SoaRetry = 600;
    private const uint SoaExpire = 86400;

    /// <summary>
    /// Writes one resource record of class IN: A, AAAA, TXT (text split into 255-octet character-strings), NS, CNAME or
    /// SOA (MNAME from <see cref="DnsRecord.Target"/>, RNAME <c>hostmaster.&lt;owner&gt;</c>, MINIMUM from
    /// <see cref="DnsRecord.SoaMinimum"/> or the TTL, fixed serial and timers).
    /// </summary>
    /// <exception cref="ArgumentException">The record lacks the data its type needs, or its type cannot be written.</exception>
    public bool TryWriteRecord(DnsRecord record, ushort recordClass = DnsProtocolLimits.ClassInternet)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!TryWriteName(record.Name) || !TryWriteUInt16((ushort)record.Type) || !TryWriteUInt16(recordClass)
            || !TryWriteUInt32(record.TimeToLive) || !TryWriteUInt16(0))
        {
            return false;
        }

        int lengthOffset = _position - sizeof(ushort);
        if (!TryWriteRecordData(record))
        {
            return false;
        }

        int dataLength = _position - lengthOffset - sizeof(ushort);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[lengthOffset..], (ushort)dataLength);
        return true;
    }

    private bool TryWriteRecordData(DnsRecord record)
    {
        switch (record.Type)
        {
            case DnsRecordType.A or DnsRecordType.AAAA:
                var family = record.Type == DnsRecordType.A ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
                if (record.Address is null || record.Address.AddressFamily != family)
                {
                    throw new ArgumentException($"A {record.Type} record needs an address of family {family}.", nameof(record));
                }

                if (!record.Address.TryWriteBytes(_buffer[_position..], out int written))
                {
                    return false;
                }

                _position += written;
                return true;
            case DnsRecordType.TXT:
                return TryWriteCharacterStrings(Encoding.UTF8.GetBytes(record.Text ?? string.Empty));
            case DnsRecordType.NS or DnsRecordType.CNAME:
                return TryWriteName(record.Target ?? throw new ArgumentException($"A {record.Type} record needs a target.", nameof(record)));
            case DnsRecordType.SOA:
                return TryWriteName(record.Target ?? string.Empty)
                    && TryWriteName(record.Name.Length == 0 ? "hostmaster" : "hostmaster." + record.Name)
                    && TryWriteUInt32(SoaSerial) && TryWriteUInt32(SoaRefresh) && TryWriteUInt32(SoaRetry)
                    && TryWriteUInt32(SoaExpire) && TryWriteUInt32(record.SoaMinimum ?? record.TimeToLive);
            default:
                throw new ArgumentException($"Records of type {record.Type} cannot be written.", nameof(record));
        }
    }

    private bool TryWriteCharacterStrings(ReadOnlySpan<byte> text)
    {
        // RFC 1035 §3.3.14: TXT-DATA is one or more character-strings; an empty text is one empty string.
        do
        {
            int length = Math.Min(text.Length, DnsProtocolLimits.MaxCharacterStringLength);
            if (!TryWriteUInt8((byte)length) || !TryWriteBytes(text[..length]))
            {
                return false;
            }

            text = text[length..];
        }
        while (!text.IsEmpty);
        return true;
    }
}

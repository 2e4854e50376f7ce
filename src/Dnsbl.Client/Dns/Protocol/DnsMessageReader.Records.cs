using System.Net;
using System.Text;

namespace Dnsbl.Client.Dns.Protocol;

internal ref partial struct DnsMessageReader
{
    private const int IPv4Length = 4;
    private const int IPv6Length = 16;
    private const int SoaCounterFieldsLength = 5 * sizeof(uint);

    /// <summary>
    /// Reads one resource record. <paramref name="record"/> is null for types this reader does not model (skipped by
    /// RDLENGTH) and for OPT, whose CLASS field (the UDP payload size, RFC 6891 §6.1.2) is returned in <paramref name="recordClass"/>
    /// and whose TTL field (extended RCODE, version and flags, RFC 6891 §6.1.3) in <paramref name="timeToLive"/>.
    /// </summary>
    public bool TryReadRecord(out DnsRecord? record, out DnsRecordType type, out ushort recordClass, out uint timeToLive)
    {
        record = null;
        type = default;
        recordClass = 0;
        timeToLive = 0;
        if (!TryReadName(out string name)
            || !TryReadUInt16(out ushort rawType)
            || !TryReadUInt16(out recordClass)
            || !TryReadUInt32(out timeToLive)
            || !TryReadUInt16(out ushort dataLength))
        {
            return false;
        }

        type = (DnsRecordType)rawType;
        int dataStart = _position;
        int dataEnd = dataStart + dataLength;
        if (dataEnd > _message.Length)
        {
            return Fail(DnsParseError.Truncated);
        }

        var rdata = _message.Slice(dataStart, dataLength);
        switch (type)
        {
            case DnsRecordType.A or DnsRecordType.AAAA:
                if (dataLength != (type == DnsRecordType.A ? IPv4Length : IPv6Length))
                {
                    return Fail(DnsParseError.InvalidRecordData);
                }

                record = new DnsRecord(name, type, timeToLive) { Address = new IPAddress(rdata) };
                break;
            case DnsRecordType.TXT:
                if (!TryDecodeCharacterStrings(rdata, out string? text))
                {
                    return Fail(DnsParseError.InvalidRecordData);
                }

                record = new DnsRecord(name, type, timeToLive) { Text = text };
                break;
            case DnsRecordType.NS or DnsRecordType.CNAME:
                if (!TryReadName(out string target) || !EndsAt(dataEnd))
                {
                    return false;
                }

                record = new DnsRecord(name, type, timeToLive) { Target = target };
                break;
            case DnsRecordType.SOA:
                if (!TryReadName(out string primary) || !TrySkipName())
                {
                    return false;
                }

                if (_position + SoaCounterFieldsLength != dataEnd)
                {
                    return Fail(DnsParseError.InvalidRecordData);
                }

                _position += SoaCounterFieldsLength - sizeof(uint);
                _ = TryReadUInt32(out uint minimum);
                record = new DnsRecord(name, type, timeToLive) { Target = primary, SoaMinimum = minimum };
                break;
        }

        _position = dataEnd;
        return true;
    }

    private bool EndsAt(int dataEnd) => _position == dataEnd || Fail(DnsParseError.InvalidRecordData);

    private static bool TryDecodeCharacterStrings(ReadOnlySpan<byte> rdata, out string? text)
    {
        // Join the strings' octets first, then decode once, so a UTF-8 sequence split across two strings survives.
        Span<byte> joined = rdata.Length <= 512 ? stackalloc byte[rdata.Length] : new byte[rdata.Length];
        int joinedLength = 0;
        int offset = 0;
        while (offset < rdata.Length)
        {
            int length = rdata[offset++];
            if (offset + length > rdata.Length)
            {
                text = null;
                return false;
            }

            rdata.Slice(offset, length).CopyTo(joined[joinedLength..]);
            joinedLength += length;
            offset += length;
        }

        text = Encoding.UTF8.GetString(joined[..joinedLength]);
        return true;
    }
}

using System.Text;

namespace Dnsbl.Client.Dns.Protocol;

internal ref partial struct DnsMessageReader
{
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
}

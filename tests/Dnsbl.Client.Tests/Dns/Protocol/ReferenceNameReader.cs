using System.Text;
using Dnsbl.Client.Dns.Protocol;

namespace Dnsbl.Client.Tests.Dns.Protocol;

/// <summary>
/// The name reader as it was before it read into a stack buffer (StringBuilder, label by label): the new one must
/// agree with it on every input, text, error and position alike.
/// </summary>
internal static class ReferenceNameReader
{
    public static (bool Ok, string Name, DnsParseError Error, int Position) Read(ReadOnlySpan<byte> message, int start)
    {
        var text = new StringBuilder();
        int position = start;
        int segmentStart = start;
        int resumeAt = -1;
        int wireLength = 0;
        int pointers = 0;
        while (true)
        {
            if (position >= message.Length)
            {
                return Failed(DnsParseError.Truncated);
            }

            byte lengthOctet = message[position];
            int labelType = lengthOctet & 0xC0;
            if (labelType == 0xC0)
            {
                if (position + 1 >= message.Length)
                {
                    return Failed(DnsParseError.Truncated);
                }

                int target = ((lengthOctet & 0x3F) << 8) | message[position + 1];
                if (++pointers > DnsProtocolLimits.MaxCompressionPointers)
                {
                    return Failed(DnsParseError.TooManyPointers);
                }

                if (target >= segmentStart)
                {
                    return Failed(DnsParseError.PointerNotBackward);
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
                return Failed(DnsParseError.ReservedLabelType);
            }

            wireLength += lengthOctet + 1;
            if (wireLength > DnsProtocolLimits.MaxNameLength)
            {
                return Failed(DnsParseError.NameTooLong);
            }

            if (lengthOctet == 0)
            {
                position++;
                break;
            }

            if (position + 1 + lengthOctet > message.Length)
            {
                return Failed(DnsParseError.Truncated);
            }

            if (text.Length > 0)
            {
                text.Append('.');
            }

            AppendLabel(text, message.Slice(position + 1, lengthOctet));
            position += 1 + lengthOctet;
        }

        return (true, text.ToString(), DnsParseError.None, resumeAt >= 0 ? resumeAt : position);

        (bool, string, DnsParseError, int) Failed(DnsParseError error) => (false, string.Empty, error, start);
    }

    /// <summary>RFC 1035 §5.1 as the reader always wrote it: <c>\.</c>, <c>\\</c>, <c>\DDD</c> outside 0x21..0x7E.</summary>
    public static string Escape(ReadOnlySpan<byte> label)
    {
        var text = new StringBuilder();
        AppendLabel(text, label);
        return text.ToString();
    }

    private static void AppendLabel(StringBuilder text, ReadOnlySpan<byte> label)
    {
        foreach (byte octet in label)
        {
            if (octet is (byte)'.' or (byte)'\\')
            {
                text.Append('\\').Append((char)octet);
            }
            else if (octet is < 0x21 or > 0x7E)
            {
                text.Append('\\').Append(octet.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append((char)octet);
            }
        }
    }
}

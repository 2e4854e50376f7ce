namespace Dnsbl.Client.Dns.Protocol;

// Presentation text to wire labels (RFC 1035 §2.3.4 limits, §5.1 escapes).
internal static partial class DnsName
{
    /// <summary>
    /// Converts a presentation name to wire labels (length-prefixed, root octet last) in <paramref name="destination"/>.
    /// </summary>
    /// <returns>The octets written, or -1 when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="ArgumentException">The name breaks a limit of RFC 1035 §2.3.4 or has a bad escape.</exception>
    public static int Encode(string name, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> wire = stackalloc byte[DnsProtocolLimits.MaxNameLength];
        int length = 0;
        string trimmed = TrimRoot(name);
        int index = 0;
        while (index < trimmed.Length)
        {
            int lengthOctet = length++;
            if (lengthOctet >= DnsProtocolLimits.MaxNameLength)
            {
                throw NameTooLong(name);
            }

            int labelStart = length;
            while (index < trimmed.Length && trimmed[index] != '.')
            {
                byte octet = ReadOctet(trimmed, ref index, name);
                if (length >= DnsProtocolLimits.MaxNameLength)
                {
                    throw NameTooLong(name);
                }

                wire[length++] = octet;
            }

            int labelLength = length - labelStart;
            if (labelLength == 0)
            {
                throw new ArgumentException($"The name '{name}' has an empty label.", nameof(name));
            }

            if (labelLength > DnsProtocolLimits.MaxLabelLength)
            {
                throw new ArgumentException($"The name '{name}' has a label longer than {DnsProtocolLimits.MaxLabelLength} octets (RFC 1035 §2.3.4).", nameof(name));
            }

            wire[lengthOctet] = (byte)labelLength;
            index++; // skips the dot (or steps past the end)
        }

        if (length >= DnsProtocolLimits.MaxNameLength)
        {
            throw NameTooLong(name);
        }

        wire[length++] = 0;
        if (destination.Length < length)
        {
            return -1;
        }

        wire[..length].CopyTo(destination);
        return length;
    }

    private static byte ReadOctet(string text, ref int index, string name)
    {
        char c = text[index++];
        if (c == '\\')
        {
            if (index + 2 < text.Length && char.IsAsciiDigit(text[index]) && char.IsAsciiDigit(text[index + 1]) && char.IsAsciiDigit(text[index + 2]))
            {
                int value = ((text[index] - '0') * 100) + ((text[index + 1] - '0') * 10) + (text[index + 2] - '0');
                index += 3;
                return value <= byte.MaxValue ? (byte)value : throw new ArgumentException($"The name '{name}' has an escape above \\255.", nameof(name));
            }

            if (index < text.Length && text[index] <= 0x7F)
            {
                return (byte)text[index++];
            }

            throw new ArgumentException($"The name '{name}' ends with an incomplete escape.", nameof(name));
        }

        return c <= 0x7F ? (byte)c : throw new ArgumentException($"The name '{name}' has a non-ASCII character; use its A-label (punycode) form.", nameof(name));
    }

    private static ArgumentException NameTooLong(string name) =>
        new($"The name '{name}' is longer than {DnsProtocolLimits.MaxNameLength} octets on the wire (RFC 1035 §2.3.4).", nameof(name));
}

using System.Buffers;
using System.Text;

namespace Dnsbl.Client.Dns.Protocol;

/// <summary>
/// Names in presentation form: labels joined by dots, no trailing dot, the root as the empty string. Octets that are not
/// printable ASCII, and the dot and backslash inside a label, are escaped as <c>\DDD</c> / <c>\.</c> (RFC 1035 §5.1).
/// </summary>
internal static class DnsName
{
    // Octets that stand for themselves in presentation form; every other one is escaped (RFC 1035 §5.1).
    private static readonly SearchValues<byte> PlainOctets = SearchValues.Create(
        "!\"#$%&'()*+,-/0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~"u8);

    /// <summary>Compares two names the way DNS does: ASCII letters case-insensitive (RFC 4343), a trailing dot ignored.</summary>
    public static bool AreEqual(string left, string right) =>
        ReferenceEquals(left, right) || TrimRootSpan(left).Equals(TrimRootSpan(right), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Compares two names octet for octet, letter case included (a trailing dot ignored): the 0x20 check of
    /// draft-vixie-dnsext-dns0x20. Allocation-free, as it runs on the reply-matching path.
    /// </summary>
    public static bool AreIdentical(string left, string right) =>
        TrimRootSpan(left).SequenceEqual(TrimRootSpan(right));

    /// <summary>
    /// The presentation form of uncompressed wire labels (each label's length octet and octets, the root octet left
    /// out). Returns <paramref name="known"/> itself when the text equals it, so that a name repeated in a message
    /// (the question's, in the answers' owners) is one string. Overwrites the length octets.
    /// </summary>
    public static string FromLabels(Span<byte> labels, string? known)
    {
        if (labels.IsEmpty)
        {
            return string.Empty;
        }

        for (int offset = 0; offset < labels.Length; offset += 1 + labels[offset])
        {
            if (labels.Slice(offset + 1, labels[offset]).ContainsAnyExcept(PlainOctets))
            {
                return FromLabelsEscaped(labels);
            }
        }

        // Nothing to escape: with dots in place of the length octets, the octets are the text.
        int next = 1 + labels[0];
        while (next < labels.Length)
        {
            int labelLength = labels[next];
            labels[next] = (byte)'.';
            next += 1 + labelLength;
        }

        var text = labels[1..];
        return known is not null && Ascii.Equals(text, known) ? known : Encoding.ASCII.GetString(text);
    }

    private static string FromLabelsEscaped(ReadOnlySpan<byte> labels)
    {
        var text = new StringBuilder(labels.Length * 2);
        for (int offset = 0; offset < labels.Length; offset += 1 + labels[offset])
        {
            if (offset > 0)
            {
                text.Append('.');
            }

            AppendLabel(text, labels.Slice(offset + 1, labels[offset]));
        }

        return text.ToString();
    }

    /// <summary>Appends one label's octets to <paramref name="text"/>, escaping what is not plain printable ASCII.</summary>
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
                text.Append('\\').Append((char)('0' + (octet / 100))).Append((char)('0' + (octet / 10 % 10))).Append((char)('0' + (octet % 10)));
            }
            else
            {
                text.Append((char)octet);
            }
        }
    }

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

    private static ReadOnlySpan<char> TrimRootSpan(string name) =>
        name.Length > 0 && name[^1] == '.' && (name.Length == 1 || name[^2] != '\\') ? name.AsSpan(0, name.Length - 1) : name;

    private static string TrimRoot(string name) =>
        name.Length > 0 && name[^1] == '.' && (name.Length == 1 || name[^2] != '\\') ? name[..^1] : name;
}

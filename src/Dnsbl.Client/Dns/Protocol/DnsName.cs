using System.Buffers;
using System.Text;

namespace Dnsbl.Client.Dns.Protocol;

/// <summary>
/// Names in presentation form: labels joined by dots, no trailing dot, the root as the empty string. Octets that are not
/// printable ASCII, and the dot and backslash inside a label, are escaped as <c>\DDD</c> / <c>\.</c> (RFC 1035 §5.1).
/// </summary>
internal static partial class DnsName
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

    private static ReadOnlySpan<char> TrimRootSpan(string name) =>
        name.Length > 0 && name[^1] == '.' && (name.Length == 1 || name[^2] != '\\') ? name.AsSpan(0, name.Length - 1) : name;

    private static string TrimRoot(string name) =>
        name.Length > 0 && name[^1] == '.' && (name.Length == 1 || name[^2] != '\\') ? name[..^1] : name;
}

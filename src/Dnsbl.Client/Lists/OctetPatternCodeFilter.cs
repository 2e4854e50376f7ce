using System.Globalization;
using System.Text;

namespace Dnsbl.Client.Lists;

/// <summary>
/// postscreen's octet pattern (text <c>127.0.0.[2..11]</c>, <c>127.0.0.[2;4;6..8]</c>): each of the four octets
/// must be in its own set of values. The sets are 256-bit maps, so a match is four bit tests.
/// </summary>
internal sealed class OctetPatternCodeFilter : ReturnCodeFilter
{
    private const int WordsPerOctet = 4;

    // Octet i (0 = first, most significant) owns words [i * 4, i * 4 + 4).
    private readonly ulong[] _bits;

    /// <param name="bits">16 words: four 256-bit sets, one per octet, none empty.</param>
    public OctetPatternCodeFilter(ulong[] bits)
    {
        if (bits.Length != 4 * WordsPerOctet)
        {
            throw new ArgumentException("Four 256-bit octet sets are required.", nameof(bits));
        }

        _bits = bits;
    }

    public static void Add(ulong[] bits, int octetIndex, int value) =>
        bits[(octetIndex * WordsPerOctet) + (value >> 6)] |= 1UL << (value & 63);

    public static bool Contains(ulong[] bits, int octetIndex, int value) =>
        (bits[(octetIndex * WordsPerOctet) + (value >> 6)] & (1UL << (value & 63))) != 0;

    internal override bool Matches(uint code) =>
        Contains(_bits, 0, (int)(code >> 24))
        && Contains(_bits, 1, (int)((code >> 16) & 0xFF))
        && Contains(_bits, 2, (int)((code >> 8) & 0xFF))
        && Contains(_bits, 3, (int)(code & 0xFF));

    public override string ToString()
    {
        var text = new StringBuilder();
        for (var octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                text.Append('.');
            }

            AppendOctet(text, octet);
        }

        return text.ToString();
    }

    // Canonical form: a single value is written bare, anything else as sorted runs "[a..b;c]".
    private void AppendOctet(StringBuilder text, int octet)
    {
        var start = text.Length;
        var runs = 0;
        var value = 0;
        while (value < 256)
        {
            if (!Contains(_bits, octet, value))
            {
                value++;
                continue;
            }

            var end = value;
            while (end + 1 < 256 && Contains(_bits, octet, end + 1))
            {
                end++;
            }

            text.Append(runs++ == 0 ? "" : ";").Append(value.ToString(CultureInfo.InvariantCulture));
            if (end > value)
            {
                text.Append("..").Append(end.ToString(CultureInfo.InvariantCulture));
            }

            value = end + 1;
        }

        var isSingleValue = runs == 1 && text.ToString(start, text.Length - start).IndexOf('.', StringComparison.Ordinal) < 0;
        if (!isSingleValue)
        {
            text.Insert(start, '[').Append(']');
        }
    }
}

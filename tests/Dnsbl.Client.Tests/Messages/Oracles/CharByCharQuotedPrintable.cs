using System.Text;

namespace Dnsbl.Client.Tests.Messages.Oracles;

/// <summary>
/// The quoted-printable decoder as it was before it copied plain runs in one step: one char at a time, kept as the
/// oracle of <c>TransferDecoder.DecodeQuotedPrintable</c>.
/// </summary>
internal static class CharByCharQuotedPrintable
{
    public static int Decode(ReadOnlySpan<char> raw, bool textIsRawBytes, Span<byte> destination)
    {
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '=' && i + 1 < raw.Length)
            {
                if (raw[i + 1] is '\r' or '\n')
                {
                    i += raw[i + 1] == '\r' && i + 2 < raw.Length && raw[i + 2] == '\n' ? 2 : 1;
                    continue;
                }

                if (i + 2 < raw.Length && char.IsAsciiHexDigit(raw[i + 1]) && char.IsAsciiHexDigit(raw[i + 2]))
                {
                    destination[length++] = (byte)((Hex(raw[i + 1]) << 4) | Hex(raw[i + 2]));
                    i += 2;
                    continue;
                }
            }

            if (c <= 0xFF && (textIsRawBytes || c < 0x80))
            {
                destination[length++] = (byte)c;
            }
            else
            {
                length += new Rune(char.IsSurrogate(c) ? '\uFFFD' : c).EncodeToUtf8(destination[length..]);
            }
        }

        return length;
    }

    private static int Hex(char digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;
}

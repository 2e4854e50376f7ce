using System.Text;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Undoes a body part's Content-Transfer-Encoding (RFC 2045 §6.7 quoted-printable, §6.8 base64) into bytes, leniently:
/// what can be decoded is kept; the charset is applied afterwards by <see cref="BodyDecoder"/>.
/// </summary>
internal static class TransferDecoder
{
    /// <summary>Decodes base64, skipping whitespace; stray characters are dropped and recorded as a problem.</summary>
    public static byte[] DecodeBase64(string raw, List<MessageProblem> problems)
    {
        var clean = new StringBuilder(raw.Length);
        var invalid = false;
        foreach (var c in raw)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/')
            {
                clean.Append(c);
            }
            else if (c == '=')
            {
                break; // padding ends the data; anything after it is not part of this part
            }
            else if (!char.IsWhiteSpace(c))
            {
                invalid = true;
            }
        }

        // A dangling single char cannot carry a byte; drop it, then pad to a multiple of four.
        if (clean.Length % 4 == 1)
        {
            clean.Length--;
            invalid = true;
        }

        clean.Append('=', (4 - (clean.Length % 4)) % 4);
        if (invalid)
        {
            problems.Add(MessageProblem.Create(MessageProblemKind.BadTransferEncoding, "invalid characters in base64 body"));
        }

        return Convert.FromBase64String(clean.ToString());
    }

    /// <summary>Decodes quoted-printable; a malformed escape is kept as literal text.</summary>
    public static byte[] DecodeQuotedPrintable(string raw, bool textIsRawBytes)
    {
        var output = new List<byte>(raw.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '=' && i + 1 < raw.Length)
            {
                if (raw[i + 1] is '\r' or '\n')
                {
                    // Soft line break (RFC 2045 §6.7 rule 5).
                    i += raw[i + 1] == '\r' && i + 2 < raw.Length && raw[i + 2] == '\n' ? 2 : 1;
                    continue;
                }

                if (i + 2 < raw.Length && char.IsAsciiHexDigit(raw[i + 1]) && char.IsAsciiHexDigit(raw[i + 2]))
                {
                    output.Add(Convert.ToByte(raw.Substring(i + 1, 2), 16));
                    i += 2;
                    continue;
                }
            }

            if (c <= 0xFF && (textIsRawBytes || c < 0x80))
            {
                output.Add((byte)c);
            }
            else
            {
                // A Unicode string given to Parse may hold non-ASCII text in a QP part; keep it as UTF-8.
                var length = new Rune(char.IsSurrogate(c) ? '\uFFFD' : c).EncodeToUtf8(utf8);
                output.AddRange(utf8[..length]);
            }
        }

        return [.. output];
    }
}

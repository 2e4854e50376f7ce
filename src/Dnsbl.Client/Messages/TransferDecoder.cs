using System.Buffers;
using System.Text;

namespace Dnsbl.Client.Messages;

/// <summary>
/// Undoes a body part's Content-Transfer-Encoding (RFC 2045 §6.7 quoted-printable, §6.8 base64) into bytes, leniently:
/// what can be decoded is kept; the charset is applied afterwards by <see cref="BodyDecoder"/>. The bytes are written
/// into a buffer the caller provides (pooled), so decoding a part allocates nothing but its final text.
/// </summary>
internal static partial class TransferDecoder
{
    /// <summary>The buffer size <see cref="DecodeQuotedPrintable"/> needs for <paramref name="rawLength"/> chars (a non-Latin-1 char takes up to 3 UTF-8 bytes).</summary>
    public static int QuotedPrintableCapacity(int rawLength) => rawLength * 3;

    /// <summary>The buffer size <see cref="DecodeBase64"/> needs for <paramref name="rawLength"/> chars.</summary>
    public static int Base64Capacity(int rawLength) => ((rawLength + 3) / 4 * 3) + 3;

    /// <summary>Decodes base64 into <paramref name="destination"/>, skipping whitespace; stray characters are dropped and recorded as a problem.</summary>
    /// <returns>The number of bytes written.</returns>
    public static int DecodeBase64(ReadOnlySpan<char> raw, List<MessageProblem> problems, Span<byte> destination)
    {
        var buffer = ArrayPool<char>.Shared.Rent(raw.Length + 3);
        try
        {
            var clean = buffer.AsSpan();
            var length = 0;
            var invalid = false;
            foreach (var c in raw)
            {
                if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/')
                {
                    clean[length++] = c;
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
            if (length % 4 == 1)
            {
                length--;
                invalid = true;
            }

            while (length % 4 != 0)
            {
                clean[length++] = '=';
            }

            if (invalid)
            {
                problems.Add(MessageProblem.Create(MessageProblemKind.BadTransferEncoding, "invalid characters in base64 body"));
            }

            return Convert.TryFromBase64Chars(clean[..length], destination, out var written) ? written : 0;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
